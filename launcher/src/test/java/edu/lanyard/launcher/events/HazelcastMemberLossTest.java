package edu.lanyard.launcher.events;

import edu.lanyard.devkit.FreePorts;
import edu.lanyard.launcher.LanyardTestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two nodes, each a Hazelcast member of one cluster (one backup of every entry). One member dies without warning
 * while traffic goes on: every token issued before still introspects, every refresh token still refreshes.
 */
@Tag("fault")
class HazelcastMemberLossTest {

    @Test
    void killingOneOfTwoMembersLosesNoToken() throws Exception {
        int firstPort = FreePorts.pick();
        int secondPort = FreePorts.pick();
        Map<String, String> cluster = new HashMap<>();
        cluster.put("LANYARD_HAZELCAST_CLUSTER_NAME", "lanyard-loss-" + UUID.randomUUID().toString().substring(0, 8));
        cluster.put("LANYARD_HAZELCAST_MEMBERS", "127.0.0.1:" + firstPort + ",127.0.0.1:" + secondPort);

        Map<String, String> first = new HashMap<>(cluster);
        first.put("LANYARD_HAZELCAST_PORT", String.valueOf(firstPort));
        LanyardTestServer survivor = LanyardTestServer.builder().env(first).importing("/events-clients.yaml").start();
        Map<String, String> second = new HashMap<>(cluster);
        second.put("LANYARD_HAZELCAST_PORT", String.valueOf(secondPort));
        LanyardTestServer victim = LanyardTestServer.builder().env(second).sameDataAs(survivor.config()).start();
        try {
            Wait.until("a cluster of two", Duration.ofSeconds(60), () -> survivor.node().infrastructure().hazelcast()
                    .getCluster().getMembers().size() == 2);

            // Tokens issued through both nodes, so their entries are owned by both members.
            List<String[]> access = new ArrayList<>();
            List<String[]> refresh = new ArrayList<>();
            for (LanyardTestServer node : List.of(survivor, victim)) {
                Tokens tokens = new Tokens(node.baseUrl());
                for (int i = 0; i < 100; i++) {
                    access.add(new String[]{"service", MixedWorkload.SERVICE_SECRET, tokens.clientCredentials(
                            "service", MixedWorkload.SERVICE_SECRET, "reports.read").json().getString("access_token")});
                }
                for (int i = 0; i < 20; i++) {
                    JsonObject issued = tokens.password("portal", MixedWorkload.PORTAL_SECRET, "alice", "alice-pass",
                            "profile").json();
                    access.add(new String[]{"portal", MixedWorkload.PORTAL_SECRET, issued.getString("access_token")});
                    refresh.add(new String[]{"portal", MixedWorkload.PORTAL_SECRET,
                            issued.getString("refresh_token")});
                }
            }

            LoadGenerator.Figures figures;
            try (LoadGenerator load = new LoadGenerator(survivor.baseUrl(), 3).start()) {
                Wait.until("traffic", Duration.ofSeconds(60), () -> load.succeeded() >= 60);
                victim.node().infrastructure().hazelcast().getLifecycleService().terminate();
                long atKill = load.succeeded();
                Wait.until("traffic after the kill", Duration.ofSeconds(60), () -> load.succeeded() >= atKill + 60);
                figures = load.stop();
            }

            Tokens tokens = new Tokens(survivor.baseUrl());
            int lost = 0;
            for (String[] token : access) {
                lost += tokens.active(token[0], token[1], token[2]) ? 0 : 1;
            }
            for (String[] token : refresh) {
                lost += tokens.refresh(token[0], token[1], token[2]).status() == 200 ? 0 : 1;
            }
            System.out.printf("one of two Hazelcast members killed under load: %s; %d tokens issued before the"
                    + " kill checked, lost = %d%n", figures, access.size() + refresh.size(), lost);
            assertEquals(0, lost);
            assertEquals(0, figures.other(), "no request failed except with 503: " + figures);
        } finally {
            closeQuietly(victim);
            survivor.close();
        }
    }

    private static void closeQuietly(LanyardTestServer node) {
        try {
            node.close();
        } catch (RuntimeException e) {
            System.out.println("the killed node stopped untidily, as expected: " + e.getMessage());
        }
    }
}
