package edu.lanyard.launcher.events;

import com.hazelcast.map.IMap;
import edu.lanyard.cluster.store.Removals;
import edu.lanyard.core.event.TokensIssued;
import edu.lanyard.core.store.StoreMaps;
import edu.lanyard.core.token.TokenHash;
import edu.lanyard.devkit.EventLog;
import edu.lanyard.devkit.KafkaBrokerProcesses;
import edu.lanyard.devkit.KafkaBrokerProcesses.ClientListener;
import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lanyard (durability KAFKA, acks=all) on a three-node KRaft cluster of broker processes, its topic with three
 * replicas and {@code min.insync.replicas=2}, under load from three applications (client credentials, password and
 * rotating refreshes). One scenario, to start the cluster and Lanyard once:
 *
 * <ol>
 * <li>One broker is killed with {@code kill -9}, the quorum's active controller (the worst one to lose): no request
 * fails and every token handed out is in the log.</li>
 * <li>A second broker is killed: with one broker left the log cannot take an event with two in-sync replicas, so
 * issuance answers 503 {@code temporarily_unavailable} within the publish timeout, no token is valid that the log
 * lacks, and tokens issued before keep introspecting as active.</li>
 * <li>Both come back: issuance recovers without restarting Lanyard.</li>
 * </ol>
 *
 * <p>The controller fences a broker that died silently after {@code broker.session.timeout.ms}, 2 s here (Kafka's
 * default is 9 s); until then the partitions it led have no leader and a publish waits. Lanyard's publish timeout
 * must cover that wait (docs/deployment.md, "Kafka in production").
 */
@Tag("fault")
class KafkaBrokerLossTest {
    private static final int PUBLISH_TIMEOUT_MS = 6000;
    private static final Map<String, String> FAST_FAILOVER = Map.of(
            "broker.session.timeout.ms", "2000",
            "broker.heartbeat.interval.ms", "500",
            "controller.quorum.fetch.timeout.ms", "1000",
            "controller.quorum.election.timeout.ms", "500");

    @Test
    void oneBrokerLostChangesNothingTwoLostAnswer503UntilTheyReturn() throws Exception {
        try (KafkaBrokerProcesses kafka = KafkaBrokerProcesses.start(3, FAST_FAILOVER, ClientListener.plaintext())) {
            LanyardTestServer server = LanyardTestServer.builder()
                    .env("LANYARD_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers())
                    .env("LANYARD_KAFKA_REPLICATION_FACTOR", "3")
                    .env("LANYARD_KAFKA_MIN_INSYNC_REPLICAS", "2")
                    .env("LANYARD_KAFKA_PUBLISH_TIMEOUT_MS", String.valueOf(PUBLISH_TIMEOUT_MS))
                    .importing("/events-clients.yaml")
                    .start();
            try {
                run(kafka, server);
            } finally {
                server.close();
            }
        }
    }

    private static void run(KafkaBrokerProcesses kafka, LanyardTestServer server) throws Exception {
        String topic = server.config().kafka().topic();
        assertTopicAsConfigured(kafka, topic);
        Tokens tokens = new Tokens(server.baseUrl());
        Http.Reply before = tokens.clientCredentials("service", MixedWorkload.SERVICE_SECRET, "reports.read");
        assertEquals(200, before.status(), before.body());
        String issuedBefore = before.json().getString("access_token");
        int first = kafka.activeController();
        int second = first % 3 + 1;

        try (LoadGenerator load = new LoadGenerator(server.baseUrl(), 3, true).start()) {
            Wait.until("traffic", Duration.ofSeconds(30), () -> load.succeeded() >= 30);
            long atFirstKill = load.succeeded();
            kafka.kill(first);
            // the partitions it led move to another replica once the controller has fenced it
            Wait.until("traffic with one broker dead", Duration.ofSeconds(30),
                    () -> load.succeeded() >= atFirstKill + 100);
            LoadGenerator.Figures oneDead = load.figures();
            List<String> issuedWithOneDead = List.copyOf(load.accessTokens);

            kafka.kill(second);
            try {
                Wait.until("issuance to answer 503", Duration.ofSeconds(30),
                        () -> load.unavailable() >= oneDead.unavailable() + 20);
                assertTrue(tokens.active("service", MixedWorkload.SERVICE_SECRET, issuedBefore),
                        "a token issued before the outage still introspects as active");
            } finally {
                kafka.restart(first, second);
            }
            long atRestart = load.succeeded();
            Wait.until("issuance to recover", Duration.ofSeconds(60), () -> load.succeeded() >= atRestart + 60);
            LoadGenerator.Figures all = load.stop();
            for (int i = 0; i < 20; i++) {   // once recovered, every request is answered again
                Http.Reply after = tokens.clientCredentials("service", MixedWorkload.SERVICE_SECRET, "reports.read");
                assertEquals(200, after.status(), after.body());
                load.accessTokens.add(after.json().getString("access_token"));
            }

            Set<String> logged = EventLog.readAll(kafka.internalBootstrap(), topic).stream()
                    .filter(TokensIssued.class::isInstance).map(TokensIssued.class::cast)
                    .map(TokensIssued::accessTokenHash).collect(Collectors.toSet());
            long lostWithOneDead = lost(issuedWithOneDead, logged);
            long lost = lost(load.accessTokens, logged);
            IMap<String, String> hot = server.node().infrastructure().hazelcast().getMap(StoreMaps.ACCESS_TOKENS);
            // A rolled-back issuance leaves a removal marker in place of the entry: only live entries are tokens.
            Set<String> unlogged = hot.entrySet().stream().filter(e -> Removals.live(e.getValue()) != null)
                    .map(Map.Entry::getKey).collect(Collectors.toCollection(HashSet::new));
            unlogged.removeAll(logged);
            LoadGenerator.Figures twoDead = all.since(oneDead);
            System.out.printf("3 brokers under load, node %d (the active controller) killed with -9: %s; "
                    + "lost = %d%n", first, oneDead, lostWithOneDead);
            System.out.printf("then node %d killed too, both restarted: %s; 503 errors %s; lost = %d;"
                            + " valid tokens the log lacks = %d%n", second, twoDead, load.unavailableErrors, lost,
                    unlogged.size());

            assertEquals(0, oneDead.unavailable(), "one broker lost: no 503");
            assertEquals(0, oneDead.other(), String.valueOf(load.unexpected));
            assertEquals(0, lostWithOneDead);
            assertTrue(twoDead.unavailable() > 0, "the loss of two was noticed");
            assertEquals(Set.of("temporarily_unavailable"), load.unavailableErrors);
            assertEquals(0, all.other(), "only 503s, no other failure: " + load.unexpected);
            assertTrue(all.slowestMillis() < PUBLISH_TIMEOUT_MS + 2000,
                    "no answer waits much beyond the publish timeout: " + all.slowestMillis() + " ms");
            assertEquals(0, lost, "every token handed out is in the log");
            assertEquals(Set.of(), unlogged, "a token whose event was not logged must not be valid");
            for (String refresh : load.currentRefreshTokens) {
                assertEquals(200, tokens.refresh("portal", MixedWorkload.PORTAL_SECRET, refresh).status(),
                        "every family survived its failed rotations");
            }
        }
    }

    /** Lanyard created the topic with kafka.replicationFactor and kafka.minInsyncReplicas (the brokers' is 1). */
    private static void assertTopicAsConfigured(KafkaBrokerProcesses kafka, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", kafka.internalBootstrap()))) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get(topic);
            assertTrue(description.partitions().stream().allMatch(p -> p.replicas().size() == 3),
                    description.toString());
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            String minInsync = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS)
                    .get(resource).get("min.insync.replicas").value();
            assertEquals("2", minInsync);
        }
    }

    private static long lost(List<String> accessTokens, Set<String> logged) {
        return accessTokens.stream().filter(t -> !logged.contains(TokenHash.of(t))).count();
    }
}
