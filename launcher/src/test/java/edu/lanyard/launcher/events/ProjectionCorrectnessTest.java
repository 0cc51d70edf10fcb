package edu.lanyard.launcher.events;

import edu.lanyard.core.crypto.PasswordHasher;
import edu.lanyard.core.event.CodeIssued;
import edu.lanyard.core.event.ConsentGranted;
import edu.lanyard.core.event.GrantRevoked;
import edu.lanyard.core.event.LifecycleEvent;
import edu.lanyard.core.event.SessionEnded;
import edu.lanyard.core.event.SessionStarted;
import edu.lanyard.core.event.TokenRevoked;
import edu.lanyard.core.event.TokensIssued;
import edu.lanyard.core.token.Scopes;
import edu.lanyard.core.token.TokenHash;
import edu.lanyard.devkit.EventLog;
import edu.lanyard.launcher.AdminCommand;
import edu.lanyard.launcher.CommandLine;
import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import edu.lanyard.launcher.ReplayCommand;
import edu.lanyard.projection.admin.AdminCredentials;
import edu.lanyard.projection.replay.Replay;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A mixed workload through the HTTP endpoints, then the projection is checked row for row against the events in
 * the topic, against a full replay, and through the operator API.
 */
class ProjectionCorrectnessTest {
    static final String ADMIN_TOKEN = "admin-token-for-tests-0123456789abcdefghijklmn";
    static final String ADMIN_PASSWORD = "operator-password-for-tests";
    private static LanyardTestServer server;
    private static Projections projections;
    private static MixedWorkload workload;
    private List<LifecycleEvent> events;

    @BeforeAll
    static void runWorkload() throws Exception {
        server = LanyardTestServer.builder()
                .env(Map.of("LANYARD_ADMIN_TOKEN_HASH", AdminCredentials.sha256Hex(ADMIN_TOKEN),
                        "LANYARD_ADMIN_USER", "ops", "LANYARD_ADMIN_PASSWORD_HASH",
                        new PasswordHasher(PasswordHasher.MIN_ITERATIONS).hash(ADMIN_PASSWORD),
                        "LANYARD_PROJECTION_MAX_BATCH", "50"))
                .importing("/events-clients.yaml").start();
        projections = new Projections(server.config(), server.kafkaBootstrap());
        workload = new MixedWorkload(server.baseUrl());
        workload.run(6);
        projections.awaitCaughtUp(Duration.ofSeconds(60));
        System.out.printf("mixed workload: %d requests, %d tokens handed out, %d events in the log%n",
                workload.requests, workload.issued.size(),
                EventLog.readAll(server.kafkaBootstrap(), server.config().kafka().topic()).size());
    }

    /** Tests may add events (revocations); each compares the projection with the log as it is now. */
    @BeforeEach
    void readTheLog() throws Exception {
        projections.awaitCaughtUp(Duration.ofSeconds(60));
        events = EventLog.readAll(server.kafkaBootstrap(), server.config().kafka().topic());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private <T extends LifecycleEvent> List<T> all(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static Map<String, Map<String, Object>> byKey(String sql, String key) {
        return projections.rows(sql).stream().collect(Collectors.toMap(r -> (String) r.get(key), Function.identity()));
    }

    @Test
    void everyTokenAnApplicationHoldsIsInTheProjection() {
        Set<String> projected = projections.rows("select token_hash from projection.tokens").stream()
                .map(r -> (String) r.get("token_hash")).collect(Collectors.toSet());
        for (String token : workload.issued) {
            assertTrue(projected.contains(TokenHash.of(token)), "token missing from the projection");
        }
    }

    @Test
    void tokensAreWhatTheEventsSay() {
        Map<String, Map<String, Object>> tokens = byKey("select token_hash, kind, grant_id, client_id, subject,"
                + " scope, extract(epoch from issued_at)::bigint as issued, extract(epoch from expires_at)::bigint"
                + " as expires, rotated_at, redeemed_at, revoked_at, revoke_reason from projection.tokens",
                "token_hash");
        Set<String> expected = new HashSet<>();
        for (TokensIssued e : all(TokensIssued.class)) {
            expected.add(e.accessTokenHash());
            Map<String, Object> access = tokens.get(e.accessTokenHash());
            assertEquals("access_token", access.get("kind"));
            assertEquals(e.grantId(), access.get("grant_id"));
            assertEquals(e.clientId(), access.get("client_id"));
            assertEquals(e.subject(), access.get("subject"));
            assertEquals(e.scope(), access.get("scope"));
            assertEquals(String.valueOf(e.meta().at() / 1000), access.get("issued"));
            assertEquals(String.valueOf(e.accessTokenExpiresAt()), access.get("expires"));
            if (e.refreshTokenHash() != null) {
                expected.add(e.refreshTokenHash());
                Map<String, Object> refresh = tokens.get(e.refreshTokenHash());
                assertEquals("refresh_token", refresh.get("kind"));
                assertEquals(String.valueOf(e.refreshTokenExpiresAt()), refresh.get("expires"));
            }
            if (e.rotatedFromHash() != null) {
                assertNotNull(tokens.get(e.rotatedFromHash()).get("rotated_at"), "rotation recorded");
            }
            if (e.codeHash() != null) {
                assertNotNull(tokens.get(e.codeHash()).get("redeemed_at"), "redemption recorded");
            }
        }
        for (CodeIssued e : all(CodeIssued.class)) {
            expected.add(e.codeHash());
            assertEquals("authorization_code", tokens.get(e.codeHash()).get("kind"));
        }
        Set<String> revoked = all(TokenRevoked.class).stream().map(TokenRevoked::tokenHash)
                .collect(Collectors.toSet());
        tokens.forEach((hash, row) -> assertEquals(revoked.contains(hash), row.get("revoked_at") != null,
                "revocation of " + hash));
        assertEquals(expected, tokens.keySet(), "no token row that no event names, none missing");
        assertFalse(all(TokenRevoked.class).isEmpty());
    }

    @Test
    void grantsSessionsAndConsentsAreWhatTheEventsSay() {
        Map<String, Map<String, Object>> grants = byKey("select * from projection.grants", "grant_id");
        Set<String> familyIds = new HashSet<>();
        all(TokensIssued.class).forEach(e -> familyIds.add(e.grantId()));
        all(CodeIssued.class).forEach(e -> familyIds.add(e.grantId()));
        all(GrantRevoked.class).forEach(e -> familyIds.add(e.grantId()));
        assertEquals(familyIds, grants.keySet());
        Set<String> revokedFamilies = all(GrantRevoked.class).stream().map(GrantRevoked::grantId)
                .collect(Collectors.toSet());
        assertTrue(all(GrantRevoked.class).stream().anyMatch(e -> "refresh_token_reuse".equals(e.reason())));
        assertTrue(all(GrantRevoked.class).stream().anyMatch(e -> "logout".equals(e.reason())));
        grants.forEach((id, row) -> assertEquals(revokedFamilies.contains(id), row.get("revoked_at") != null, id));

        Map<String, Map<String, Object>> sessions = byKey("select * from projection.sessions", "session_hash");
        assertEquals(all(SessionStarted.class).stream().map(SessionStarted::sessionHash).collect(Collectors.toSet()),
                sessions.keySet());
        Set<String> ended = all(SessionEnded.class).stream().map(SessionEnded::sessionHash).collect(Collectors.toSet());
        assertFalse(ended.isEmpty());
        sessions.forEach((hash, row) -> {
            assertEquals(ended.contains(hash), row.get("ended_at") != null);
            assertNotNull(row.get("sid"), "the session id every token of the session carries");
        });

        Map<String, Set<String>> consented = new HashMap<>();
        all(ConsentGranted.class).forEach(e -> consented.computeIfAbsent(e.subject() + "|" + e.clientId(),
                k -> new TreeSet<>()).addAll(Scopes.parse(e.scope())));
        Map<String, Set<String>> projected = new HashMap<>();
        projections.rows("select subject, client_id, scopes from projection.consents").forEach(row ->
                projected.put(row.get("subject") + "|" + row.get("client_id"),
                        new TreeSet<>(((List<?>) row.get("scopes")).stream().map(String::valueOf).toList())));
        assertEquals(consented, projected);
    }

    @Test
    void oneAuditLineAndOneCountPerEvent() {
        List<String> ids = projections.rows("select event_id from projection.audit_log").stream()
                .map(r -> (String) r.get("event_id")).toList();
        assertEquals(events.size(), ids.size(), "no duplicates");
        assertEquals(events.stream().map(e -> e.meta().id()).collect(Collectors.toSet()), new HashSet<>(ids));
        assertTrue(projections.count("select count(*) from projection.audit_log where action = 'login'"
                + " and result = 'failure'") > 0);

        Map<String, Long> issuedByClient = all(TokensIssued.class).stream()
                .collect(Collectors.groupingBy(TokensIssued::clientId, Collectors.counting()));
        Map<String, Long> counted = new HashMap<>();
        projections.rows("select client_id, sum(tokens_issued) as n from projection.client_stats group by client_id")
                .forEach(r -> {
                    long n = Long.parseLong((String) r.get("n"));
                    if (n > 0) {
                        counted.put((String) r.get("client_id"), n);
                    }
                });
        assertEquals(issuedByClient, counted);
    }

    @Test
    void aFullReplayRebuildsTheSameProjection() throws Exception {
        var live = projections.snapshot();
        new Replay(server.config(), server.kafkaBootstrap(), Clock.systemUTC(), progress -> { }).run(null);
        assertEquals(live, projections.snapshot());
        assertEquals(0, projections.totalLag());
    }

    @Test
    void theReplayCommandRebuildsTheSameProjection() throws Exception {
        var live = projections.snapshot();
        var pg = server.config().postgres();
        java.nio.file.Path config = java.nio.file.Files.createTempFile("lanyard-replay", ".yaml");
        java.nio.file.Files.writeString(config, String.join("\n",
                "postgres: {host: '" + pg.host() + "', port: " + pg.port() + ", database: '" + pg.database()
                        + "', user: '" + pg.user() + "', password: '" + pg.password() + "', createDatabase: false}",
                "kafka: {bootstrapServers: '" + server.kafkaBootstrap() + "', topic: '"
                        + server.config().kafka().topic() + "'}", ""));
        ReplayCommand.run(CommandLine.parse(new String[]{"replay", "--from-beginning", "--config",
                config.toString()}));
        assertEquals(live, projections.snapshot());
        ReplayCommand.run(CommandLine.parse(new String[]{"replay", "--since",
                java.time.Instant.now().minusSeconds(60).toString(), "--config", config.toString()}));
        assertEquals(live, projections.snapshot());
    }

    @Test
    void theProjectorsMetricsAreExposed() {
        String metrics = Http.get(server.managementUrl() + "/metrics", null).body();
        for (String meter : List.of("lanyard_projection_lag{", "lanyard_projection_batch_seconds_count",
                "lanyard_projection_batch_events_count", "lanyard_projection_events_total{",
                "lanyard_projection_paused", "lanyard_projection_replay_progress")) {
            assertTrue(metrics.contains(meter), meter);
        }
    }

    @Test
    void theOperatorApiNeedsItsOwnCredentials() {
        assertEquals(401, Http.get(server.baseUrl() + "/admin/audit", null).status());
        assertEquals(401, Http.get(server.baseUrl() + "/admin/audit", "Bearer wrong").status());
        assertEquals(401, Http.get(server.baseUrl() + "/admin/audit",
                Http.basic("portal", MixedWorkload.PORTAL_SECRET)).status(), "an OAuth client is not an operator");
        assertEquals(200, Http.get(server.baseUrl() + "/admin/stats", Http.basic("ops", ADMIN_PASSWORD)).status(),
                "the operator's user name and password");
        assertEquals(401, Http.get(server.baseUrl() + "/admin/stats", Http.basic("ops", "guess")).status());
        assertEquals(401, Http.get(server.baseUrl() + "/admin/stats", Http.basic("root", ADMIN_PASSWORD)).status());
        Http.Reply bad = admin("GET", "/admin/audit?from=yesterday");
        assertEquals(400, bad.status(), bad.body());
        assertEquals("invalid_request", bad.json().getString("error"));
    }

    @Test
    void theOperatorSeesAndQueriesWhatHappened() {
        Http.Reply sessions = admin("GET", "/admin/users/alice/sessions?by=username");
        assertEquals(200, sessions.status(), sessions.body());
        assertFalse(sessions.json().getJsonArray("sessions").isEmpty(), sessions.body());
        Http.Reply grants = admin("GET", "/admin/users/alice/grants?by=username");
        assertFalse(grants.json().getJsonArray("grants").isEmpty(), grants.body());

        Http.Reply audit = admin("GET", "/admin/audit?client_id=portal&action=login&result=failure&limit=2");
        assertEquals(200, audit.status(), audit.body());
        assertEquals(2, audit.json().getJsonArray("entries").size());
        JsonObject next = audit.json().getJsonObject("next");
        Http.Reply page2 = admin("GET", "/admin/audit?client_id=portal&action=login&result=failure&limit=2&before="
                + next.getString("before") + "&before_id=" + next.getString("before_id"));
        assertFalse(page2.json().getJsonArray("entries").isEmpty());
        assertTrue(page2.json().getJsonArray("entries").getJsonObject(0).getString("at")
                .compareTo(next.getString("before")) <= 0);

        Http.Reply stats = admin("GET", "/admin/stats");
        assertEquals(200, stats.status(), stats.body());
        long portalTokens = stats.json().getJsonArray("clients").stream().map(JsonObject.class::cast)
                .filter(c -> "portal".equals(c.getString("client_id"))).findFirst().orElseThrow()
                .getLong("tokens_issued");
        assertEquals(all(TokensIssued.class).stream().filter(e -> "portal".equals(e.clientId())).count(),
                portalTokens);
        Http.Reply perMinute = admin("GET", "/admin/clients/portal/stats");
        assertFalse(perMinute.json().getJsonArray("minutes").isEmpty());

        Http.Reply status = admin("GET", "/admin/projection");
        assertEquals("running", status.json().getJsonObject("projector").getString("state"), status.body());
    }

    @Test
    void revokingEverythingOfAUserOrAClientIsEventsAppliedAndProjected() throws Exception {
        Tokens tokens = new Tokens(server.baseUrl());
        Http.Reply signedIn = tokens.password("portal", MixedWorkload.PORTAL_SECRET, "dave", "dave-pass",
                "openid profile");
        assertEquals(200, signedIn.status(), signedIn.body());
        JsonObject daves = signedIn.json();
        String service = tokens.clientCredentials("service", MixedWorkload.SERVICE_SECRET, "reports.read").json()
                .getString("access_token");
        projections.awaitCaughtUp(Duration.ofSeconds(30));

        Http.Reply user = admin("POST", "/admin/users/dave/revoke?by=username");
        assertEquals(200, user.status(), user.body());
        assertTrue(user.json().getInteger("grants_revoked") >= 1, user.body());
        Http.Reply client = admin("POST", "/admin/clients/service/revoke");
        assertEquals(200, client.status(), client.body());

        assertFalse(tokens.active("portal", MixedWorkload.PORTAL_SECRET, daves.getString("access_token")));
        assertEquals(400, tokens.refresh("portal", MixedWorkload.PORTAL_SECRET, daves.getString("refresh_token"))
                .status());
        assertFalse(tokens.active("service", MixedWorkload.SERVICE_SECRET, service));
        projections.awaitCaughtUp(Duration.ofSeconds(30));
        assertEquals(0, projections.count("select count(*) from projection.grants g join users u"
                + " on u.subject = g.subject where u.username = 'dave' and g.revoked_at is null"
                + " and g.expires_at > now()"));
        assertEquals(0, projections.count("select count(*) from projection.grants where client_id = 'service'"
                + " and revoked_at is null and expires_at > now()"));
        assertTrue(projections.count("select count(*) from projection.audit_log where action = 'grant_revoked'"
                + " and detail->>'reason' = 'admin'") >= 2);
    }

    @Test
    void theAdminCommandCallsTheApi() throws Exception {
        int exit = AdminCommand.run(CommandLine.parse(new String[]{"admin", "status", "--url", server.baseUrl(),
                "--token", ADMIN_TOKEN}));
        assertEquals(0, exit);
        assertEquals(1, AdminCommand.run(CommandLine.parse(new String[]{"admin", "audit", "--url",
                server.baseUrl(), "--token", "not-the-token"})));
    }

    private static Http.Reply admin(String method, String path) {
        String authorization = "Bearer " + ADMIN_TOKEN;
        return "GET".equals(method) ? Http.get(server.baseUrl() + path, authorization)
                : Http.postForm(server.baseUrl() + path, authorization, "");
    }
}
