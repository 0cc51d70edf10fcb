package edu.lanyard.launcher.events;

import com.hazelcast.map.IMap;
import edu.lanyard.cluster.store.Removals;
import edu.lanyard.core.event.LifecycleEvent;
import edu.lanyard.core.event.TokensIssued;
import edu.lanyard.core.store.StoreMaps;
import edu.lanyard.core.token.TokenHash;
import edu.lanyard.devkit.EventLog;
import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The broker goes away under load. In mode {@code kafka} requests fail with 503 and nothing is issued that the log
 * lacks; in mode {@code memory} requests keep succeeding and the events arrive once the broker is back.
 */
@Tag("fault")
class KafkaOutageTest {

    @Test
    void durabilityKafkaAnswers503AndIssuesNothingTheLogLacks() throws Exception {
        LanyardTestServer server = LanyardTestServer.builder().importing("/events-clients.yaml").start();
        try (LoadGenerator load = new LoadGenerator(server.baseUrl(), 3).start()) {
            Wait.until("traffic", Duration.ofSeconds(60), () -> load.succeeded() >= 60);
            String portal = Http.basic("portal", MixedWorkload.PORTAL_SECRET);
            Http.Reply issued = Http.postForm(server.baseUrl() + "/oauth2/token", portal, Http.form(Http.fields(
                    "grant_type", "password", "username", "alice", "password", "alice-pass",
                    "scope", "openid profile")));
            assertEquals(200, issued.status(), issued.body());
            String issuedBefore = issued.json().getString("access_token");
            long beforeOutage = load.succeeded();
            try (Outages.Outage kafka = Outages.kafka()) {
                Wait.until("requests to fail with 503", Duration.ofSeconds(60), () -> load.unavailable() >= 12);
                Wait.until("the dependencies report to name Kafka down", Duration.ofSeconds(30),
                        () -> Outages.down(server.baseUrl()).containsAll(Set.of("kafka", "projection")));
                // Readiness is this process's own: the broker being away takes no pod out of its Service, and
                // what needs no broker keeps working.
                Http.Reply ready = Http.get(server.baseUrl() + "/health/ready", null);
                assertEquals(200, ready.status(), ready.body());
                assertTrue(ready.json().getJsonObject("dependencies").getString("kafka").startsWith("DOWN"));
                Http.Reply introspected = Http.postForm(server.baseUrl() + "/oauth2/introspect", portal,
                        Http.form(Http.fields("token", issuedBefore)));
                assertTrue(introspected.json().getBoolean("active"), introspected.body());
                Http.Reply userinfo = Http.get(server.baseUrl() + "/oauth2/userinfo", "Bearer " + issuedBefore);
                assertEquals(200, userinfo.status(), userinfo.body());
            }
            long atRestart = load.succeeded();
            Wait.until("traffic to resume", Duration.ofSeconds(90), () -> load.succeeded() >= atRestart + 60);
            LoadGenerator.Figures figures = load.stop();

            new Projections(server.config(), server.kafkaBootstrap()).awaitCaughtUp(Duration.ofSeconds(90));
            List<LifecycleEvent> log = EventLog.readAll(server.kafkaBootstrap(), server.config().kafka().topic());
            Set<String> logged = log.stream().filter(TokensIssued.class::isInstance).map(TokensIssued.class::cast)
                    .map(TokensIssued::accessTokenHash).collect(Collectors.toSet());
            long lost = load.accessTokens.stream().filter(t -> !logged.contains(TokenHash.of(t))).count();
            IMap<String, String> hot = server.node().infrastructure().hazelcast().getMap(StoreMaps.ACCESS_TOKENS);
            // A removal leaves a marker in place of the entry: only live entries are tokens.
            Set<String> unlogged = hot.entrySet().stream().filter(e -> Removals.live(e.getValue()) != null)
                    .map(Map.Entry::getKey).collect(Collectors.toCollection(HashSet::new));
            unlogged.removeAll(logged);
            System.out.printf("Kafka stopped under load (durability kafka): %s (%d before the outage); "
                            + "tokens handed out but not in the log (lost) = %d;"
                            + " tokens in Hazelcast the log lacks = %d%n",
                    figures, beforeOutage, lost, unlogged.size());
            assertTrue(figures.unavailable() > 0, "the outage was noticed");
            assertEquals(0, figures.other(), "only 503s, no other failure: " + load.unexpected);
            assertEquals(0, lost);
            assertEquals(Set.of(), unlogged, "a token whose event was not logged must not be valid");
            for (String refresh : load.currentRefreshTokens) {
                assertEquals(200, new Tokens(server.baseUrl()).refresh("portal", MixedWorkload.PORTAL_SECRET,
                        refresh).status(), "every family survived its failed rotations");
            }
        } finally {
            server.close();
        }
    }

    @Test
    void durabilityMemoryKeepsAnsweringAndTheEventsFollow() throws Exception {
        LanyardTestServer server = LanyardTestServer.builder().env("LANYARD_DURABILITY", "MEMORY")
                .importing("/events-clients.yaml").start();
        try (LoadGenerator load = new LoadGenerator(server.baseUrl(), 3).start()) {
            Wait.until("traffic", Duration.ofSeconds(60), () -> load.succeeded() >= 60);
            long atStop;
            try (Outages.Outage kafka = Outages.kafka()) {
                atStop = load.succeeded();
                Wait.until("requests answered while the broker is away", Duration.ofSeconds(60),
                        () -> load.succeeded() >= atStop + 60);
            }
            LoadGenerator.Figures figures = load.stop();
            Projections projections = new Projections(server.config(), server.kafkaBootstrap());
            Wait.until("the events sent in the background to arrive", Duration.ofSeconds(120), () -> {
                Set<String> logged = EventLog.readAll(server.kafkaBootstrap(), server.config().kafka().topic())
                        .stream().filter(TokensIssued.class::isInstance).map(TokensIssued.class::cast)
                        .map(TokensIssued::accessTokenHash).collect(Collectors.toSet());
                return load.accessTokens.stream().allMatch(t -> logged.contains(TokenHash.of(t)));
            });
            projections.awaitCaughtUp(Duration.ofSeconds(90));
            long missing = load.accessTokens.stream().filter(t -> projections.count(
                    "select count(*) from projection.tokens where token_hash = '" + TokenHash.of(t) + "'") == 0)
                    .count();
            System.out.printf("Kafka stopped under load (durability memory): %s; %d answered while the broker"
                    + " was away; events lost = %d%n", figures, figures.succeeded() - atStop, missing);
            assertEquals(0, figures.unavailable(), "memory mode does not wait for the broker");
            assertEquals(0, figures.other(), String.valueOf(load.unexpected));
            assertEquals(0, missing);
        } finally {
            server.close();
        }
    }
}
