package edu.lanyard.projection;

import edu.lanyard.cluster.kafka.KafkaClientProperties;
import edu.lanyard.core.config.ConfigLoader;
import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.projection.consumer.Projector;
import edu.lanyard.projection.consumer.ProjectorSettings;
import edu.lanyard.projection.consumer.ProjectorState;
import edu.lanyard.projection.db.ProjectionSchema;
import edu.lanyard.projection.replay.Replay;
import edu.lanyard.projection.replay.ReplayProgress;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The projector against a real broker and Postgres, and replays compared with what it built. */
class ProjectorReplayTest {
    private TestDatabase db;
    private EventTopic topic;

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabase.migrated();
        topic = new EventTopic(3);
    }

    @AfterEach
    void tearDown() {
        topic.close();
        db.close();
    }

    private LanyardConfig config() {
        Map<String, String> env = new HashMap<>();
        var pg = db.config().postgres();
        env.put("LANYARD_POSTGRES_HOST", pg.host());
        env.put("LANYARD_POSTGRES_PORT", String.valueOf(pg.port()));
        env.put("LANYARD_POSTGRES_DATABASE", pg.database());
        env.put("LANYARD_POSTGRES_USER", pg.user());
        env.put("LANYARD_POSTGRES_PASSWORD", pg.password());
        env.put("LANYARD_KAFKA_BOOTSTRAP_SERVERS", topic.bootstrap());
        env.put("LANYARD_KAFKA_TOPIC", topic.name());
        env.put("LANYARD_PROJECTION_MAX_BATCH", "200");
        return ConfigLoader.load(null, env);
    }

    private Projector projector(int maxBatch) {
        ProjectorSettings settings = new ProjectorSettings(KafkaClientProperties.plaintext(topic.bootstrap()),
                topic.name(), "group-" + topic.name(), maxBatch, 90, 35);
        return new Projector(settings, db.pool(), new SimpleMeterRegistry(), Clock.systemUTC()).start();
    }

    private Replay replay(List<ReplayProgress> progress) {
        return new Replay(config(), topic.bootstrap(), Clock.systemUTC(), progress::add);
    }

    /** Events in Postgres: the stored offsets add up to the number of records sent. */
    private long applied() {
        try {
            return Long.parseLong(String.valueOf(db.rows("select coalesce(sum(next_offset), 0) as n"
                    + " from projection.projection_offsets").get(0).get("n")));
        } catch (Exception e) {
            return -1;
        }
    }

    private void awaitApplied(long events) throws InterruptedException {
        await(events + " events in Postgres", () -> applied() == events);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    @Test
    void liveProjectionEqualsAReplayFromTheBeginningAndSinceAMinute() throws Exception {
        SyntheticEvents load = new SyntheticEvents(7, Instant.now().minus(Duration.ofMinutes(30)).toEpochMilli());
        topic.send(SampleEvents.story());
        topic.send(load.next(1500));
        topic.sendRaw("garbage", "this is not an event");
        List<ReplayProgress> progress = new ArrayList<>();
        try (Projector projector = projector(200)) {
            awaitApplied(topic.sent());
            Instant middle = Instant.ofEpochMilli(load.now());
            topic.send(load.next(1500));
            awaitApplied(topic.sent());
            assertEquals(ProjectorState.RUNNING, projector.status().state(), projector.status().problem());
            assertEquals(1, db.rows("select * from projection.rejected_events").size());

            var live = db.projection(ProjectionSchema.LIVE);
            assertTrue(live.get("tokens").size() > 1000, "a real amount of work: " + live.get("tokens").size());
            replay(progress).run(null);
            assertEquals(live, db.projection(ProjectionSchema.LIVE), "replay from the beginning");

            replay(progress).run(middle);
            assertEquals(live, db.projection(ProjectionSchema.LIVE), "replay since " + middle);

            // The live projector carries on against the swapped-in tables, from their offsets.
            topic.send(load.next(500));
            awaitApplied(topic.sent());
            assertEquals(1, db.rows("select * from projection.rejected_events").size());
            assertEquals(topic.sent() - 1, db.rows("select * from projection.audit_log").size(),
                    "one audit line per event (the garbage record has none)");
        }
        assertEquals("swapped", progress.get(progress.size() - 1).state());
        assertEquals(2, db.rows("select * from projection_replays where state = 'swapped'").size());
    }

    @Test
    void aReplayWhileEventsArriveLosesNothingAcrossTheSwap() throws Exception {
        SyntheticEvents load = new SyntheticEvents(11, Instant.now().minus(Duration.ofMinutes(10)).toEpochMilli());
        topic.send(load.next(2000));
        try (Projector projector = projector(100)) {
            List<Exception> failures = new ArrayList<>();
            AtomicBoolean replayed = new AtomicBoolean();
            Thread writer = new Thread(() -> {
                try {
                    // before, during and after the swap
                    while (!replayed.get()) {
                        topic.send(load.next(20));
                        Thread.sleep(10);
                    }
                    for (int i = 0; i < 10; i++) {
                        topic.send(load.next(20));
                        Thread.sleep(10);
                    }
                } catch (Exception e) {
                    failures.add(e);
                }
            });
            writer.start();
            replay(new ArrayList<>()).run(null);
            replayed.set(true);
            writer.join();
            assertEquals(List.of(), failures);
            awaitApplied(topic.sent());
            assertEquals(topic.sent(), db.rows("select * from projection.audit_log").size(),
                    "every event exactly once across the swap");
            var live = db.projection(ProjectionSchema.LIVE);
            replay(new ArrayList<>()).run(null);
            assertEquals(live, db.projection(ProjectionSchema.LIVE));
        }
    }
}
