package edu.lanyard.launcher.events;

import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.core.event.LifecycleEvent;
import edu.lanyard.core.event.TokensIssued;
import edu.lanyard.core.token.TokenHash;
import edu.lanyard.devkit.EventLog;
import edu.lanyard.devkit.FreePorts;
import edu.lanyard.launcher.LanyardProcess;
import edu.lanyard.launcher.LanyardTestServer;
import edu.lanyard.projection.replay.Replay;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The projector runs as its own process ({@code lanyard serve projection}) and is killed with SIGKILL while a batch
 * transaction has written rows but not committed, several times, under load. Each new process resumes from the
 * offsets in Postgres: in the end every event is in the projection exactly once.
 */
@Tag("fault")
class ProjectorCrashTest {
    private static final int KILLS = 3;

    @Test
    void killingTheProjectorMidBatchNeitherDuplicatesNorLosesAnything() throws Exception {
        LanyardTestServer server = LanyardTestServer.builder().env("LANYARD_PROJECTION_ENABLED", "false")
                .importing("/events-clients.yaml").start();
        LanyardConfig config = server.config();
        Projections projections = new Projections(config, server.kafkaBootstrap());
        int killedMidBatch = 0;
        LanyardProcess projector = null;
        LoadGenerator.Figures figures;
        try (LoadGenerator load = new LoadGenerator(server.baseUrl(), 3).start();
             Connection watcher = projections.connect()) {
            for (int kill = 1; kill <= KILLS; kill++) {
                projector = startProjector(config, server.kafkaBootstrap(), kill);
                if (awaitOpenBatch(watcher, config.postgres().database(), projector)) {
                    killedMidBatch++;
                }
                projector.kill();
            }
            projector = startProjector(config, server.kafkaBootstrap(), KILLS + 1);
            figures = load.stop();
            projections.awaitCaughtUp(Duration.ofSeconds(120));

            List<LifecycleEvent> log = EventLog.readAll(server.kafkaBootstrap(), config.kafka().topic());
            long audited = projections.count("select count(*) from projection.audit_log");
            long distinctAudited = projections.count("select count(distinct event_id) from projection.audit_log");
            Set<String> projected = projections.rows("select token_hash from projection.tokens").stream()
                    .map(r -> (String) r.get("token_hash")).collect(Collectors.toSet());
            long missing = load.accessTokens.stream().filter(t -> !projected.contains(TokenHash.of(t))).count();
            long issuedEvents = log.stream().filter(TokensIssued.class::isInstance).count();
            long counted = projections.count("select coalesce(sum(tokens_issued), 0) from projection.client_stats");
            System.out.printf("projector killed %d times (%d of them with a batch written but not committed) under"
                            + " load: %s; events %d, audit lines %d (distinct %d), token responses %d counted %d,"
                            + " tokens missing = %d%n", KILLS, killedMidBatch, figures, log.size(), audited,
                    distinctAudited, issuedEvents, counted, missing);
            assertEquals(KILLS, killedMidBatch, "every kill hit an open batch");
            assertEquals(log.size(), audited, "no event applied twice or skipped");
            assertEquals(audited, distinctAudited);
            assertEquals(issuedEvents, counted, "counters, which only add up, saw each event once");
            assertEquals(0, missing);

            var live = projections.snapshot();
            new Replay(config, server.kafkaBootstrap(), Clock.systemUTC(), p -> { }).run(null);
            assertEquals(live, projections.snapshot(), "equal to a replay from the beginning");
        } finally {
            if (projector != null) {
                projector.kill();
            }
            server.close();
        }
    }

    /** Waits for the projector's Postgres session to be inside a transaction that has written something. */
    private static boolean awaitOpenBatch(Connection watcher, String database, LanyardProcess projector)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        try (var query = watcher.prepareStatement("select count(*) from pg_stat_activity where datname = ?"
                + " and application_name = 'lanyard-projector' and backend_xid is not null")) {
            query.setString(1, database);
            while (System.nanoTime() < deadline && projector.isAlive()) {
                try (var rows = query.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) > 0) {
                        return true;
                    }
                }
                Thread.sleep(1);
            }
        }
        return false;
    }

    /** {@code lanyard serve projection} in a JVM of its own, against the test's Postgres and Kafka. */
    private static LanyardProcess startProjector(LanyardConfig config, String bootstrap, int run) {
        Map<String, String> env = LanyardProcess.sameDataAs(config, bootstrap);
        env.put("LANYARD_HTTP_PORT", String.valueOf(FreePorts.pick()));
        env.put("LANYARD_HAZELCAST_CLUSTER_NAME", "lanyard-crash-" + UUID.randomUUID().toString().substring(0, 8));
        env.put("LANYARD_HAZELCAST_PORT", String.valueOf(FreePorts.pick()));
        env.put("LANYARD_PROJECTION_MAX_BATCH", "500");
        return LanyardProcess.start("projector-" + run, env, List.of(), "serve", "projection")
                .awaitReady(Duration.ofSeconds(90));
    }
}
