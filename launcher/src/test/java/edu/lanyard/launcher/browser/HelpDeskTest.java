package edu.lanyard.launcher.browser;

import edu.lanyard.core.crypto.PasswordHasher;
import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.core.event.AccountUnlocked;
import edu.lanyard.core.event.LifecycleEvent;
import edu.lanyard.core.event.PasswordReset;
import edu.lanyard.core.event.UserDisabled;
import edu.lanyard.core.event.UserEnabled;
import edu.lanyard.devkit.EventLog;
import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import edu.lanyard.launcher.OperatorCommands;
import edu.lanyard.projection.admin.AdminCredentials;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static edu.lanyard.launcher.browser.Journeys.redeem;
import static edu.lanyard.launcher.browser.Journeys.signIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The help desk's account operations end to end, through the operator API and {@code lanyard admin}: disable ends
 * what the user holds and refuses sign-in, enable lets them back, a password reset replaces the old one, an unlock
 * lets a locked-out user in at once; and the lockout says when it ends, on the page and in the password grant.
 */
class HelpDeskTest {
    private static final String ADMIN_TOKEN = "helpdesk-admin-token-0123456789abcdefghijklmn";
    private static final String OPERATOR = "helpdesk";
    private static final String OPERATOR_PASSWORD = "helpdesk-operator-password";
    private static final int MAX_FAILURES = 3;
    private static final String DISABLED_MESSAGE = "This account is disabled";
    private static final TestClient WEBAPP = TestClient.WEBAPP;

    private static LanyardTestServer server;
    private static String issuer;
    private static TokenCalls tokens;

    @BeforeAll
    static void start() {
        server = LanyardTestServer.builder()
                .env(Map.of("LANYARD_ADMIN_TOKEN_HASH", AdminCredentials.sha256Hex(ADMIN_TOKEN),
                        "LANYARD_ADMIN_USER", OPERATOR,
                        "LANYARD_ADMIN_PASSWORD_HASH", new PasswordHasher(PasswordHasher.MIN_ITERATIONS)
                                .hash(OPERATOR_PASSWORD),
                        "LANYARD_LOGIN_MAX_FAILURES_PER_USER", String.valueOf(MAX_FAILURES),
                        "LANYARD_LOGIN_MAX_FAILURES_PER_IP", "1000",
                        // long enough that only the help desk's unlock can explain a user getting in
                        "LANYARD_LOGIN_LOCKOUT_SECONDS", "600"))
                .importing("/helpdesk-clients.yaml").start();
        issuer = server.baseUrl();
        tokens = new TokenCalls(issuer);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void disablingEndsTheSessionAndEveryTokenAndRefusesSignInUntilEnabled() throws Exception {
        BrowserAgent browser = new BrowserAgent();
        AuthorizeUrl authorize = AuthorizeUrl.of(issuer, WEBAPP).with("scope", "openid offline_access");
        JsonObject issued = redeem(tokens, WEBAPP, signIn(browser, authorize, "hana", "hana-pass"), null);
        String refreshToken = issued.getString("refresh_token");
        assertNotNull(refreshToken);
        assertEquals(200, refresh(refreshToken).status(), "the refresh token works before");
        awaitProjected("hana");

        Http.Reply disabled = admin("POST", "/admin/users/hana/disable", null);
        assertEquals(200, disabled.status(), disabled.body());
        JsonObject body = disabled.json();
        assertEquals("hana", body.getString("username"));
        assertTrue(body.getBoolean("disabled"));
        assertTrue(body.getInteger("grants_revoked") >= 1, body.encode());
        assertEquals(1, body.getInteger("sessions_ended"), body.encode());

        assertFalse(tokens.active(issued.getString("access_token"), WEBAPP), "the live access token is inactive");
        Http.Reply refused = refresh(refreshToken);
        assertEquals(400, refused.status(), refused.body());
        assertEquals("invalid_grant", refused.json().getString("error"));
        WebReply page = browser.get(authorize.build());
        assertTrue(page.isLoginPage(), "the browser's SSO session is gone: " + page.summary());
        WebReply refusedSignIn = browser.signIn(page, "hana", "hana-pass");
        assertTrue(refusedSignIn.isLoginPage(), refusedSignIn.summary());
        assertTrue(refusedSignIn.body().contains(DISABLED_MESSAGE), refusedSignIn.body());
        Http.Reply grant = passwordGrant("hana", "hana-pass");
        assertEquals("invalid_grant", grant.json().getString("error"));
        assertTrue(grant.json().getString("error_description").contains("disabled"), grant.body());

        Http.Reply enabled = admin("POST", "/admin/users/hana/enable", null);
        assertEquals(200, enabled.status(), enabled.body());
        assertFalse(enabled.json().getBoolean("disabled"));
        signIn(new BrowserAgent(), authorize, "hana", "hana-pass");
        assertEquals(200, passwordGrant("hana", "hana-pass").status());
        assertEquals(400, refresh(refreshToken).status(), "what disabling ended stays ended");

        String subject = body.getString("subject");
        // other tests disable users of their own: this one's events are the ones of hana's subject
        List<LifecycleEvent> events = events(list -> list.stream().anyMatch(e -> e instanceof UserEnabled enabledEvent
                && enabledEvent.subject().equals(subject)));
        UserDisabled logged = (UserDisabled) events.stream()
                .filter(e -> e instanceof UserDisabled disabledEvent && disabledEvent.subject().equals(subject))
                .findFirst().orElseThrow();
        assertEquals(subject, logged.subject());
        assertEquals("operator-token", logged.actor(), "the operator is the actor");
        JsonArray audit = awaitAudit("subject=" + subject + "&action=user_disabled");
        assertEquals("operator-token", audit.getJsonObject(0).getJsonObject("detail").getString("actor"),
                audit.encode());
    }

    @Test
    void aResetPasswordReplacesTheOldOneAndAGeneratedOneIsShownOnce() throws Exception {
        Http.Reply reset = admin("POST", "/admin/users/ivan/password",
                new JsonObject().put("password", "ivan-new-password"));
        assertEquals(200, reset.status(), reset.body());
        assertFalse(reset.body().contains("ivan-new-password"), "a given password is not echoed");
        assertEquals("invalid_grant", passwordGrant("ivan", "ivan-pass").json().getString("error"),
                "the old password fails");
        assertEquals(200, passwordGrant("ivan", "ivan-new-password").status(), "the new one works");

        // By an operator with a user name and password: the audit line names them.
        Http.Reply generated = Http.send(request("POST", "/admin/users/ivan/password?by=username",
                new JsonObject().put("generate", true), Http.basic(OPERATOR, OPERATOR_PASSWORD)));
        assertEquals(200, generated.status(), generated.body());
        String password = generated.json().getString("password");
        assertTrue(password.matches("[A-Za-z2-9]{20}"), password);
        assertEquals("invalid_grant", passwordGrant("ivan", "ivan-new-password").json().getString("error"));
        assertEquals(200, passwordGrant("ivan", password).status());

        Predicate<LifecycleEvent> ivansReset = e -> e instanceof PasswordReset resetEvent
                && resetEvent.username().equals("ivan");
        List<LifecycleEvent> events = events(list -> list.stream().filter(ivansReset).count() >= 2);
        List<PasswordReset> resets = events.stream().filter(ivansReset).map(PasswordReset.class::cast).toList();
        assertFalse(resets.get(0).generated());
        assertTrue(resets.get(1).generated());
        assertEquals(OPERATOR, resets.get(1).actor());
        String everything = events.toString();
        assertFalse(everything.contains(password) || everything.contains("ivan-new-password"),
                "no password in any event");
        assertFalse(everything.contains("pbkdf2"), "and no hash either");
    }

    @Test
    void badRequestsAreClearErrorsInTheApisShape() throws Exception {
        assertError(admin("POST", "/admin/users/nobody-at-all/disable", null), 404, "not_found");
        assertError(admin("POST", "/admin/users/nobody-at-all/password", new JsonObject().put("generate", true)),
                404, "not_found");
        assertError(admin("POST", "/admin/users/kim/unlock?by=email", null), 400, "invalid_request");
        assertError(admin("POST", "/admin/users/kim/password", new JsonObject()), 400, "invalid_request");
        assertError(admin("POST", "/admin/users/kim/password", new JsonObject().put("password", "short")), 400,
                "invalid_request");
        assertError(admin("POST", "/admin/users/kim/password", new JsonObject().put("password", 12345678)), 400,
                "invalid_request");
        assertError(admin("POST", "/admin/users/kim/password", new JsonObject().put("password", "line\nbreak1")),
                400, "invalid_request");
        Http.Reply notJson = Http.send(HttpRequest.newBuilder(URI.create(issuer + "/admin/users/kim/password"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{not json")).build());
        assertError(notJson, 400, "invalid_request");
        assertEquals(401, Http.send(request("POST", "/admin/users/kim/disable", null, "Bearer wrong")).status());

        // A copy of a directory user: the password lives in the directory.
        LanyardConfig.Postgres pg = server.config().postgres();
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://" + pg.host() + ":" + pg.port() + "/"
                + pg.database(), pg.user(), pg.password());
             PreparedStatement update = db.prepareStatement(
                     "update users set origin = 'directory', password_hash = null where username = 'lee'")) {
            assertEquals(1, update.executeUpdate());
        }
        Http.Reply directory = admin("POST", "/admin/users/lee/password", new JsonObject().put("generate", true));
        assertError(directory, 409, "directory_user");
        assertTrue(directory.json().getString("error_description").contains("directory"), directory.body());
        assertEquals(200, admin("POST", "/admin/users/lee/disable", null).status(),
                "a directory user can be disabled here (the local copy's flag)");
    }

    @Test
    void theLockoutSaysWhenItEndsAndTheHelpDesksUnlockLetsTheUserInAtOnce() throws Exception {
        AuthorizeUrl authorize = AuthorizeUrl.of(issuer, WEBAPP);
        for (int i = 0; i < MAX_FAILURES; i++) {
            BrowserAgent browser = new BrowserAgent();
            browser.signIn(browser.get(authorize.build()), "jun", "wrong-" + i);
        }
        BrowserAgent browser = new BrowserAgent();
        WebReply locked = browser.signIn(browser.get(authorize.build()), "jun", "jun-pass");
        assertTrue(locked.isLoginPage(), locked.summary());
        assertTrue(locked.body().contains("Try again in 10 min"), "the page says when: " + locked.body());
        Http.Reply grant = passwordGrant("jun", "jun-pass");
        assertEquals("invalid_grant", grant.json().getString("error"));
        String description = grant.json().getString("error_description");
        Instant until = Instant.parse(description.substring(description.lastIndexOf(' ') + 1));
        assertTrue(until.isAfter(Instant.now().plusSeconds(500)), "the grant says when: " + description);

        OperatorCommands.Outcome unlock = OperatorCommands.admin(issuer, ADMIN_TOKEN, null, "unlock", "jun");
        assertEquals(0, unlock.exit(), unlock.err());
        assertTrue(new JsonObject(unlock.out()).getBoolean("unlocked"), unlock.out());

        signIn(new BrowserAgent(), authorize, "jun", "jun-pass");
        assertEquals(200, passwordGrant("jun", "jun-pass").status());
        assertTrue(events(list -> list.stream().anyMatch(e -> e instanceof AccountUnlocked u
                && u.username().equals("jun"))).stream().anyMatch(e -> e instanceof AccountUnlocked));
    }

    @Test
    void theCommandLineDisablesEnablesAndSetsPasswords() throws Exception {
        OperatorCommands.Outcome disable = OperatorCommands.admin(issuer, ADMIN_TOKEN, null, "disable", "kim",
                "--by-username");
        assertEquals(0, disable.exit(), disable.err());
        assertTrue(new JsonObject(disable.out()).getBoolean("disabled"));
        assertEquals("invalid_grant", passwordGrant("kim", "kim-pass").json().getString("error"));
        OperatorCommands.Outcome enable = OperatorCommands.admin(issuer, ADMIN_TOKEN, null, "enable", "kim");
        assertEquals(0, enable.exit(), enable.err());
        assertEquals(200, passwordGrant("kim", "kim-pass").status());

        OperatorCommands.Outcome piped = OperatorCommands.admin(issuer, ADMIN_TOKEN, "kim-piped-password\n",
                "set-password", "kim");
        assertEquals(0, piped.exit(), piped.err());
        assertFalse(piped.out().contains("kim-piped-password"));
        assertEquals(200, passwordGrant("kim", "kim-piped-password").status());
        assertEquals("invalid_grant", passwordGrant("kim", "kim-pass").json().getString("error"));

        OperatorCommands.Outcome generated = OperatorCommands.admin(issuer, ADMIN_TOKEN, null, "set-password",
                "kim", "--generate");
        assertEquals(0, generated.exit(), generated.err());
        assertEquals(200, passwordGrant("kim", new JsonObject(generated.out()).getString("password")).status());

        OperatorCommands.Outcome nothing = OperatorCommands.admin(issuer, ADMIN_TOKEN, "", "set-password", "kim");
        assertEquals(2, nothing.exit());
        assertTrue(nothing.err().contains("no password given"), nothing.err());
        OperatorCommands.Outcome unknown = OperatorCommands.admin(issuer, ADMIN_TOKEN, null, "unlock", "nobody");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("not_found"), unknown.err());
    }

    private static void assertError(Http.Reply reply, int status, String error) {
        assertEquals(status, reply.status(), reply.body());
        assertEquals(error, reply.json().getString("error"), reply.body());
        assertNotNull(reply.json().getString("error_description"), reply.body());
    }

    private static Http.Reply refresh(String refreshToken) {
        return Http.postForm(issuer + "/oauth2/token", Http.basic(WEBAPP.id(), WEBAPP.secret()),
                Http.form(Http.fields("grant_type", "refresh_token", "refresh_token", refreshToken)));
    }

    private static Http.Reply passwordGrant(String username, String password) {
        return Http.postForm(issuer + "/oauth2/token", Http.basic(WEBAPP.id(), WEBAPP.secret()),
                Http.form(Http.fields("grant_type", "password", "username", username, "password", password,
                        "scope", "openid")));
    }

    private static Http.Reply admin(String method, String path, JsonObject body) {
        return Http.send(request(method, path, body, "Bearer " + ADMIN_TOKEN));
    }

    private static HttpRequest request(String method, String path, JsonObject body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(issuer + path))
                .header("Authorization", authorization)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.encode()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return request.build();
    }

    /** The operator API finds a user's sessions and grants in the projections: waits until they are there. */
    private static void awaitProjected(String username) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Http.Reply sessions = admin("GET", "/admin/users/" + username + "/sessions?by=username", null);
            Http.Reply grants = admin("GET", "/admin/users/" + username + "/grants?by=username", null);
            if (sessions.status() == 200 && !sessions.json().getJsonArray("sessions").isEmpty()
                    && grants.status() == 200 && !grants.json().getJsonArray("grants").isEmpty()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the projections never showed " + username + "'s session and grant");
    }

    private static JsonArray awaitAudit(String query) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Http.Reply audit = admin("GET", "/admin/audit?" + query, null);
            assertEquals(200, audit.status(), audit.body());
            JsonArray lines = audit.json().getJsonArray("entries");
            if (lines != null && !lines.isEmpty()) {
                return lines;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no audit line for " + query);
    }

    private static List<LifecycleEvent> events(Predicate<List<LifecycleEvent>> until) throws Exception {
        return EventLog.readUntil(server.kafkaBootstrap(), server.config().kafka().topic(), until);
    }
}
