package edu.lanyard.launcher.events;

import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.core.token.TokenHash;
import edu.lanyard.devkit.EventLog;
import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Postgres goes away under load. It is simulated for this test's own database only, on the machine's shared server:
 * new connections to it are refused ({@code ALLOW_CONNECTIONS false}) and its sessions are terminated; every other
 * database keeps working. The token service keeps serving, the projector pauses, and once the database is back
 * the lag drains to zero with nothing lost.
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
            block(pg, true);
            try {
                Wait.until("the projector to pause", Duration.ofSeconds(60), () -> {
                    Http.Reply deps = Http.get(server.baseUrl() + "/health/dependencies", null);
                    return deps.status() == 503 && deps.json().getJsonObject("checks").getString("projection")
                            .startsWith("DOWN");
                });
                // Postgres is a dependency, not this process: readiness stays up and the pod keeps serving.
                Http.Reply ready = Http.get(server.baseUrl() + "/health/ready", null);
                assertEquals(200, ready.status(), ready.body());
                long atPause = load.succeeded();
                Wait.until("tokens issued while Postgres is away", Duration.ofSeconds(60),
                        () -> load.succeeded() >= atPause + 100);
                Wait.until("a backlog to build up", Duration.ofSeconds(30), () -> lag(server) >= 100);
                maxLag = lag(server);
                duringOutage = load.succeeded() - atPause;
            } finally {
                block(pg, false);
            }
            // Under load a few events are always in flight: drained means back to that, then to 0 once it stops.
            Wait.until("the lag to drain while traffic goes on", Duration.ofSeconds(90), () -> lag(server) < 20
                    && Http.get(server.baseUrl() + "/health/dependencies", null).status() == 200);
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
            block(pg, false);
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

    /** Refuses (or allows again) connections to this test's database only, and ends the ones it has. */
    private static void block(LanyardConfig.Postgres pg, boolean blocked) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", pg.user());
        if (!pg.password().isEmpty()) {
            props.setProperty("password", pg.password());
        }
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + pg.host() + ":" + pg.port()
                + "/postgres", props); var statement = admin.createStatement()) {
            statement.execute("alter database " + pg.database() + " allow_connections " + !blocked);
            if (blocked) {
                try (var kill = admin.prepareStatement("select pg_terminate_backend(pid) from pg_stat_activity"
                        + " where datname = ? and pid <> pg_backend_pid()")) {
                    kill.setString(1, pg.database());
                    kill.executeQuery().close();
                }
            }
        }
    }
}
