package edu.lanyard.launcher.events;

import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.core.token.TokenHash;
import edu.lanyard.devkit.EventLog;
import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Postgres goes away under load (for this test's database only, see {@link Outages#postgres}). The token service
 * keeps serving, the projector pauses, and once the database is back the lag drains to zero with nothing lost.
 */
@Tag("fault")
class PostgresOutageTest {
    private static final Pattern LAG = Pattern.compile("lanyard_projection_lag\\{[^}]*} ([0-9.E]+)");

    @Test
    void tokensKeepComingWhileTheProjectorWaitsThenNothingIsLost() throws Exception {
        LanyardTestServer server = LanyardTestServer.builder().importing("/events-clients.yaml").start();
        LanyardConfig.Postgres pg = server.config().postgres();
        Projections projections = new Projections(server.config(), server.kafkaBootstrap());
        try (LoadGenerator load = new LoadGenerator(server.baseUrl(), 3).start()) {
            Wait.until("traffic", Duration.ofSeconds(60), () -> load.succeeded() >= 60);
            long maxLag = 0;
            long duringOutage;
            try (Outages.Outage postgres = Outages.postgres(pg)) {
                Wait.until("the projector to pause", Duration.ofSeconds(60),
                        () -> Outages.down(server.baseUrl()).contains("projection"));
                // Postgres is a dependency, not this process: readiness stays up and the pod keeps serving.
                Http.Reply ready = Http.get(server.baseUrl() + "/health/ready", null);
                assertEquals(200, ready.status(), ready.body());
                long atPause = load.succeeded();
                Wait.until("tokens issued while Postgres is away", Duration.ofSeconds(60),
                        () -> load.succeeded() >= atPause + 100);
                Wait.until("a backlog to build up", Duration.ofSeconds(30), () -> lag(server) >= 100);
                maxLag = lag(server);
                duringOutage = load.succeeded() - atPause;
            }
            // Under load a few events are always in flight: drained means back to that, then to 0 once it stops.
            Wait.until("the lag to drain while traffic goes on", Duration.ofSeconds(90), () -> lag(server) < 20
                    && Outages.down(server.baseUrl()).isEmpty());
            LoadGenerator.Figures figures = load.stop();
            Wait.until("the lag to reach 0", Duration.ofSeconds(30), () -> lag(server) == 0);
            projections.awaitCaughtUp(Duration.ofSeconds(60));

            Set<String> projected = projections.rows("select token_hash from projection.tokens").stream()
                    .map(r -> (String) r.get("token_hash")).collect(Collectors.toSet());
            long lost = load.accessTokens.stream().filter(t -> !projected.contains(TokenHash.of(t))).count();
            long events = EventLog.readAll(server.kafkaBootstrap(), server.config().kafka().topic()).size();
            long audited = projections.count("select count(*) from projection.audit_log");
            System.out.printf("Postgres stopped under load: %s; %d succeeded while it was away; projector lag"
                            + " peaked at %d and drained to 0; tokens missing from the projection (lost) = %d;"
                            + " events %d, audit lines %d%n",
                    figures, duringOutage, maxLag, lost, events, audited);
            assertEquals(0, figures.unavailable() + figures.other(), "the token service never needed Postgres: "
                    + load.unexpected);
            assertTrue(maxLag >= 100);
            assertEquals(0, lost);
            assertEquals(events, audited, "every event applied exactly once");
        } finally {
            server.close();
        }
    }

    /** The projector's lag as it reports it on /metrics (Postgres cannot be asked while it is away). */
    private static long lag(LanyardTestServer server) {
        Matcher lag = LAG.matcher(Http.get(server.managementUrl() + "/metrics", null).body());
        long total = 0;
        while (lag.find()) {
            total += (long) Double.parseDouble(lag.group(1));
        }
        return total;
    }
}
