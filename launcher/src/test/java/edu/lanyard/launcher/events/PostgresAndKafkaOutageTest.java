package edu.lanyard.launcher.events;

import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Postgres goes away under load, then the broker too, then both come back. The node stays in its Service all along
 * ({@code /health/ready} 200, while {@code /health/dependencies} names both down), introspection and userinfo keep
 * answering from Hazelcast and the cached directory, and token issuance does what the durability mode promises:
 * 503 in {@code kafka} (nothing is issued that the log lacks), answered in {@code memory}.
 */
@Tag("fault")
class PostgresAndKafkaOutageTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void durabilityKafkaKeepsReadingAndRefusesToIssueWhileBothAreAway() throws Exception {
        Run run = run("KAFKA");
        assertTrue(run.issuedWithBothDown.unavailable() > 0, "issuance noticed the broker was away");
        assertEquals(0, run.issuedWithBothDown.succeeded() + run.issuedWithBothDown.other(),
                "with the broker away, every token request after the first 503 answers 503");
    }

    @Test
    void durabilityMemoryKeepsReadingAndIssuingWhileBothAreAway() throws Exception {
        Run run = run("MEMORY");
        assertTrue(run.issuedWithBothDown.succeeded() >= 30, "tokens issued with both away");
        assertEquals(0, run.issuedWithBothDown.failed(), "memory mode needs neither Postgres nor the broker");
    }

    /** What the applications saw in each phase. */
    private record Run(LoadGenerator.Figures issuedWithPostgresDown, LoadGenerator.Figures issuedWithBothDown,
                       LoadGenerator.Figures issuedAfter, LoadGenerator.Figures reads) {
    }

    /** Both outages under load, with what every durability mode must show checked here. */
    private static Run run(String durability) throws Exception {
        LanyardTestServer server = LanyardTestServer.builder().env("LANYARD_DURABILITY", durability)
                .importing("/events-clients.yaml").start();
        String base = server.baseUrl();
        try {
            List<LoadGenerator.Issued> earlier = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Http.Reply reply = new Tokens(base).password("portal", MixedWorkload.PORTAL_SECRET, "alice",
                        "alice-pass", "openid profile");
                assertEquals(200, reply.status(), reply.body());
                earlier.add(new LoadGenerator.Issued("portal", MixedWorkload.PORTAL_SECRET,
                        reply.json().getString("access_token")));
            }
            LoadGenerator.Figures withPostgresDown;
            LoadGenerator.Figures withBothDown;
            Set<String> downWithPostgres;
            Set<String> downWithBoth;
            LoadGenerator.Figures after;
            LoadGenerator.Figures reads;
            ReadinessProbe readiness;
            try (LoadGenerator issuing = new LoadGenerator(base, 2).start();
                 LoadGenerator reading = new LoadGenerator(() -> base, 2, LoadGenerator.Mix.READ, earlier).start()) {
                Wait.until("traffic", WAIT, () -> issuing.succeeded() >= 30 && reading.succeeded() >= 30);
                readiness = new ReadinessProbe(base);
                try (Outages.Outage postgres = Outages.postgres(server.config().postgres())) {
                    LoadGenerator.Figures mark = issuing.figures();
                    long readsAt = reading.succeeded();
                    Wait.until("/health/dependencies to name Postgres down", WAIT,
                            () -> Outages.down(base).contains("postgres"));
                    downWithPostgres = Outages.down(base);
                    assertReady(base);
                    Wait.until("tokens and reads while Postgres is away", WAIT, () -> issuing.succeeded()
                            >= mark.succeeded() + 20 && reading.succeeded() >= readsAt + 20);
                    withPostgresDown = issuing.figures().since(mark);

                    try (Outages.Outage kafka = Outages.kafka()) {
                        Wait.until("/health/dependencies to name both down", WAIT,
                                () -> Outages.down(base).containsAll(Set.of("postgres", "kafka")));
                        downWithBoth = Outages.down(base);
                        assertReady(base);
                        if (durability.equals("KAFKA")) {
                            // requests sent before the broker stopped may still have been answered: count from
                            // the first refusal on
                            long refusedAt = issuing.unavailable();
                            Wait.until("a token request refused", WAIT, () -> issuing.unavailable() > refusedAt);
                        }
                        LoadGenerator.Figures bothDownAt = issuing.figures();
                        long readsWithBoth = reading.succeeded();
                        Wait.until("token answers and reads with both away", WAIT, () -> issuing.figures()
                                .since(bothDownAt).sent() >= 30 && reading.succeeded() >= readsWithBoth + 30);
                        withBothDown = issuing.figures().since(bothDownAt);
                    }
                }
                readiness.stop();
                // the first requests after the broker's return may still meet the closed publish gate: count from
                // the moment the node reports both back
                Wait.until("both back on /health/dependencies", Duration.ofSeconds(120),
                        () -> Outages.down(base).isEmpty());
                LoadGenerator.Figures back = issuing.figures();
                Wait.until("tokens issued again", WAIT, () -> issuing.succeeded() >= back.succeeded() + 30);
                after = issuing.stop().since(back);
                reads = reading.stop();
                List<String> readProblems = List.copyOf(reading.unexpected);
                System.out.printf("Postgres, then Kafka stopped under load (durability %s): /health/ready 200 in"
                                + " %d of %d checks; /health/dependencies down: %s, then %s; introspection and"
                                + " userinfo: %s; token requests with Postgres away: %s; with both away: %s; after"
                                + " both came back: %s%n", durability.toLowerCase(), readiness.ready.get(),
                        readiness.checks.get(), downWithPostgres, downWithBoth, reads, withPostgresDown,
                        withBothDown, after);
                // each check waits up to a second for the dependencies it reports: a few a second at most
                assertTrue(readiness.checks.get() >= 5, "readiness was watched through both outages");
                assertEquals(readiness.checks.get(), readiness.ready.get(),
                        "a dependency outage never takes the node out of its Service");
                assertTrue(downWithPostgres.contains("postgres"), String.valueOf(downWithPostgres));
                assertTrue(downWithBoth.containsAll(Set.of("postgres", "kafka")), String.valueOf(downWithBoth));
                assertEquals(0, reads.failed(), "introspection and userinfo never failed: " + readProblems);
                assertEquals(0, withPostgresDown.failed(), "issuance needs no Postgres: " + issuing.unexpected);
                assertEquals(0, after.other(), "issuance after both came back: " + issuing.unexpected);
            }
            return new Run(withPostgresDown, withBothDown, after, reads);
        } finally {
            server.close();
        }
    }

    private static void assertReady(String base) {
        Http.Reply ready = Http.get(base + "/health/ready", null);
        assertEquals(200, ready.status(), ready.body());
    }

    /** Asks {@code /health/ready} every 100 ms, as a kubelet would (more often), and counts the 200s. */
    private static final class ReadinessProbe {
        private final AtomicLong checks = new AtomicLong();
        private final AtomicLong ready = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        ReadinessProbe(String base) {
            thread = new Thread(() -> {
                while (running.get()) {
                    checks.incrementAndGet();
                    try {
                        if (Http.get(base + "/health/ready", null).status() == 200) {
                            ready.incrementAndGet();
                        }
                    } catch (IllegalStateException noAnswer) {
                        // counted as not ready
                    }
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "readiness-probe");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }
}
