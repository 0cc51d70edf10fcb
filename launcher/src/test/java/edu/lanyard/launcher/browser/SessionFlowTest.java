package edu.lanyard.launcher.browser;

import com.hazelcast.map.IMap;
import com.nimbusds.jwt.JWTClaimsSet;
import edu.lanyard.core.event.GrantRevoked;
import edu.lanyard.core.event.LifecycleEvent;
import edu.lanyard.core.event.SessionEnded;
import edu.lanyard.core.event.SessionStarted;
import edu.lanyard.core.event.TokensIssued;
import edu.lanyard.core.json.Jsons;
import edu.lanyard.core.session.SessionRecord;
import edu.lanyard.core.token.TokenHash;
import edu.lanyard.devkit.EventLog;
import edu.lanyard.launcher.LanyardTestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static edu.lanyard.launcher.browser.Journeys.passThrough;
import static edu.lanyard.launcher.browser.Journeys.redeem;
import static edu.lanyard.launcher.browser.Journeys.signIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SSO session: prompt, max_age, single sign-on across clients, consent, and RP-initiated logout. */
class SessionFlowTest {
    private static final String BYE = "http://127.0.0.1:9101/bye";

    private final LanyardTestServer server = LanyardTestServer.sharedSignIn();
    private final String issuer = server.baseUrl();
    private final TokenCalls tokens = new TokenCalls(issuer);

    private AuthorizeUrl webapp() {
        return AuthorizeUrl.of(issuer, TestClient.WEBAPP);
    }

    @Test
    void sessionCookieIsHttpOnlyLaxAndNotSecureOnPlainHttp() {
        BrowserAgent browser = new BrowserAgent();
        WebReply redirect = browser.signIn(browser.get(webapp().build()), "bob", "bob-pass");
        String cookie = redirect.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("lanyard_session=")).findFirst().orElseThrow().toLowerCase(Locale.ROOT);
        assertTrue(cookie.contains("; httponly"), cookie);
        assertTrue(cookie.contains("; samesite=lax"), cookie);
        assertFalse(cookie.contains("; secure"), "the issuer is http://127.0.0.1: " + cookie);
    }

    @Test
    void promptNoneWithoutASessionIsLoginRequired() {
        WebReply reply = new BrowserAgent().get(webapp().with("prompt", "none").with("state", "pn").build());
        assertEquals(302, reply.status(), reply.summary());
        assertEquals("login_required", reply.callback().get("error"));
        assertEquals("pn", reply.callback().get("state"));
    }

    @Test
    void promptNoneWithASessionAnswersWithoutAPage() {
        BrowserAgent browser = new BrowserAgent();
        signIn(browser, webapp(), "bob", "bob-pass");
        Callback callback = passThrough(browser, webapp().with("prompt", "none").with("state", "again"));
        assertNotNull(callback.get("code"));
        assertEquals("again", callback.get("state"));
    }

    @Test
    void singleSignOnAcrossTwoClients() throws Exception {
        BrowserAgent browser = new BrowserAgent();
        JWTClaimsSet first = idToken(redeem(tokens, TestClient.WEBAPP, signIn(browser, webapp(), "alice",
                "alice-pass"), null));
        Callback second = passThrough(browser, AuthorizeUrl.of(issuer, TestClient.LIBRARY).with("state", "lib"));
        assertEquals("lib", second.get("state"));
        JWTClaimsSet library = idToken(redeem(tokens, TestClient.LIBRARY, second, null));
        assertEquals(first.getSubject(), library.getSubject());
        assertEquals(first.getClaim("sid"), library.getClaim("sid"), "one session, one sid");
        assertEquals(first.getClaim("auth_time"), library.getClaim("auth_time"), "no new authentication");
        assertEquals(storedSession(browser).sid(), first.getClaim("sid"), "sid names the browser's SSO session");
        assertEquals(storedSession(browser).authTime(), first.getLongClaim("auth_time"));
    }

    @Test
    void promptLoginShowsThePageAgainAndKeepsTheSession() {
        BrowserAgent browser = new BrowserAgent();
        JsonObject before = redeem(tokens, TestClient.WEBAPP, signIn(browser, webapp(), "carol", "carol-pass"),
                null);
        WebReply page = browser.get(webapp().with("prompt", "login").build());
        assertTrue(page.isLoginPage(), "prompt=login forces the page: " + page.summary());
        WebReply redirect = browser.signIn(page, "carol", "carol-pass");
        JsonObject after = redeem(tokens, TestClient.WEBAPP, redirect.callback(), null);
        assertEquals(idToken(before).getClaim("sid"), idToken(after).getClaim("sid"),
                "signing in again as the same user renews the session rather than starting a second one");

        WebReply logout = browser.get(issuer + "/oauth2/logout?id_token_hint=" + after.getString("id_token"));
        assertEquals(200, logout.status(), logout.summary());
        assertFalse(tokens.active(before.getString("access_token"), TestClient.WEBAPP),
                "tokens from before the re-authentication belong to the same session");
        assertFalse(tokens.active(after.getString("access_token"), TestClient.WEBAPP));
    }

    @Test
    void signingInAsSomeoneElseEndsThePreviousUsersSession() {
        BrowserAgent browser = new BrowserAgent();
        JsonObject bobs = redeem(tokens, TestClient.WEBAPP, signIn(browser, webapp(), "bob", "bob-pass"), null);
        WebReply page = browser.get(webapp().with("prompt", "login").build());
        JsonObject erins = redeem(tokens, TestClient.WEBAPP, browser.signIn(page, "erin", "erin-pass").callback(),
                null);
        assertFalse(idToken(bobs).getClaim("sid").equals(idToken(erins).getClaim("sid")));
        assertFalse(tokens.active(bobs.getString("access_token"), TestClient.WEBAPP),
                "the previous user's session ended with its tokens");
        assertTrue(tokens.active(erins.getString("access_token"), TestClient.WEBAPP));
    }

    @Test
    void maxAgeZeroMeansSignInAgainAndAGenerousMaxAgeDoesNot() {
        BrowserAgent browser = new BrowserAgent();
        signIn(browser, webapp(), "bob", "bob-pass");
        Callback recent = passThrough(browser, webapp().with("max_age", "3600"));
        assertNotNull(idToken(redeem(tokens, TestClient.WEBAPP, recent, null)).getClaim("auth_time"));
        WebReply page = browser.get(webapp().with("max_age", "0").build());
        assertTrue(page.isLoginPage(), "max_age=0 is prompt=login (OIDC Core §3.1.2.1): " + page.summary());
        WebReply bad = browser.get(webapp().with("max_age", "soon").with("state", "m").build());
        assertEquals("invalid_request", bad.callback().get("error"));
    }

    @Test
    void consentIsAskedOnceRememberedAndForcedByPromptConsent() {
        BrowserAgent browser = new BrowserAgent();
        AuthorizeUrl grades = AuthorizeUrl.of(issuer, TestClient.GRADES).with("scope", "openid profile email")
                .with("state", "g1");
        WebReply consent = browser.signIn(browser.get(grades.build()), "alice", "alice-pass");
        assertEquals(200, consent.status(), consent.summary());
        assertTrue(consent.isConsentPage(), consent.summary());
        assertTrue(consent.body().contains("Grades"));
        WebReply approved = browser.submit(consent, Map.of("decision", "approve"));
        assertEquals(303, approved.status(), approved.summary());
        assertEquals("g1", approved.callback().get("state"));
        redeem(tokens, TestClient.GRADES, approved.callback(), null);

        assertNotNull(passThrough(browser, grades).get("code"), "the decision is remembered");

        WebReply forced = browser.get(grades.with("prompt", "consent").with("state", "g2").build());
        assertTrue(forced.isConsentPage(), "prompt=consent asks again: " + forced.summary());
        WebReply denied = browser.submit(forced, Map.of("decision", "deny"));
        assertEquals(303, denied.status(), denied.summary());
        assertEquals("access_denied", denied.callback().get("error"));
        assertEquals("g2", denied.callback().get("state"));
    }

    @Test
    void promptNoneCannotSkipAMissingConsent() {
        BrowserAgent browser = new BrowserAgent();
        signIn(browser, webapp(), "dave", "dave-pass");
        Callback callback = passThrough(browser, AuthorizeUrl.of(issuer, TestClient.GRADES).with("prompt", "none"));
        assertEquals("consent_required", callback.get("error"));
    }

    @Test
    void logoutWithAnIdTokenHintEndsSsoAndRevokesEveryTokenOfTheSession() {
        BrowserAgent browser = new BrowserAgent();
        JsonObject portal = redeem(tokens, TestClient.WEBAPP, signIn(browser,
                webapp().with("scope", "openid offline_access"), "alice", "alice-pass"), null);
        JsonObject library = redeem(tokens, TestClient.LIBRARY, passThrough(browser,
                AuthorizeUrl.of(issuer, TestClient.LIBRARY)), null);

        WebReply logout = browser.get(issuer + "/oauth2/logout?id_token_hint=" + portal.getString("id_token")
                + "&post_logout_redirect_uri=" + BYE + "&state=lo-1");
        assertEquals(302, logout.status(), logout.summary());
        assertEquals(BYE + "?state=lo-1", logout.location());

        assertTrue(browser.get(webapp().build()).isLoginPage(), "SSO ended: the next authorize asks to sign in");
        assertFalse(tokens.active(portal.getString("access_token"), TestClient.WEBAPP));
        assertFalse(tokens.active(portal.getString("refresh_token"), TestClient.WEBAPP));
        assertFalse(tokens.active(library.getString("access_token"), TestClient.LIBRARY));
    }

    @Test
    void theSessionsStartEndAndRevocationsAreLifecycleEvents() throws Exception {
        BrowserAgent browser = new BrowserAgent();
        JsonObject issued = redeem(tokens, TestClient.WEBAPP, signIn(browser, webapp(), "carol", "carol-pass"), null);
        JWTClaimsSet idToken = idToken(issued);
        String sid = (String) idToken.getClaim("sid");
        browser.get(issuer + "/oauth2/logout?id_token_hint=" + issued.getString("id_token"));

        List<LifecycleEvent> events = EventLog.readUntil(server.kafkaBootstrap(), server.config().kafka().topic(),
                list -> list.stream().anyMatch(e -> e instanceof GrantRevoked revoked && "logout".equals(
                        revoked.reason()) && issuedIn(list, sid).contains(revoked.grantId())));
        assertTrue(events.stream().anyMatch(e -> e instanceof SessionStarted started
                && started.subject().equals(idToken.getSubject())), "SessionStarted");
        assertTrue(events.stream().anyMatch(e -> e instanceof SessionEnded ended
                && ended.subject().equals(idToken.getSubject()) && ended.reason().equals("logout")), "SessionEnded");
        Set<String> grants = issuedIn(events, sid);
        assertEquals(1, grants.size(), "one code, one grant: " + grants);
        assertTrue(events.stream().anyMatch(e -> e instanceof GrantRevoked revoked
                && grants.contains(revoked.grantId()) && revoked.reason().equals("logout")));
    }

    private static Set<String> issuedIn(List<LifecycleEvent> events, String sid) {
        return events.stream().filter(e -> e instanceof TokensIssued issued && sid.equals(issued.sessionId()))
                .map(e -> ((TokensIssued) e).grantId()).collect(Collectors.toSet());
    }

    @Test
    void logoutWithoutAHintAsksFirstThenSignsOut() {
        BrowserAgent browser = new BrowserAgent();
        JsonObject issued = redeem(tokens, TestClient.WEBAPP, signIn(browser, webapp(), "bob", "bob-pass"), null);
        WebReply confirm = browser.get(issuer + "/oauth2/logout?client_id=webapp&post_logout_redirect_uri=" + BYE
                + "&state=lo-2");
        assertEquals(200, confirm.status(), confirm.summary());
        assertTrue(confirm.isHtml());
        assertTrue(confirm.header("Location").isEmpty());
        assertNotNull(passThrough(browser, webapp().with("prompt", "none")).get("code"),
                "nothing ends before the user confirms");

        WebReply done = browser.submit(confirm, Map.of());
        assertEquals(303, done.status(), done.summary());
        assertEquals(BYE + "?state=lo-2", done.location());
        assertTrue(browser.get(webapp().build()).isLoginPage());
        assertFalse(tokens.active(issued.getString("access_token"), TestClient.WEBAPP));
    }

    @Test
    void aForgedLogoutPostDoesNotSignTheUserOut() {
        BrowserAgent browser = new BrowserAgent();
        signIn(browser, webapp(), "bob", "bob-pass");
        WebReply reply = browser.post(issuer + "/oauth2/logout", Map.of("client_id", "webapp",
                "post_logout_redirect_uri", BYE));
        assertEquals(200, reply.status(), reply.summary());
        assertTrue(reply.header("Location").isEmpty());
        assertNotNull(passThrough(browser, webapp().with("prompt", "none")).get("code"), "still signed in");
    }

    @Test
    void anIdTokenHintOfAnotherSessionDoesNotSignThisBrowserOutUnasked() {
        JsonObject elsewhere = redeem(tokens, TestClient.WEBAPP, signIn(new BrowserAgent(), webapp(), "alice",
                "alice-pass"), null);
        BrowserAgent browser = new BrowserAgent();
        signIn(browser, webapp(), "bob", "bob-pass");
        WebReply reply = browser.get(issuer + "/oauth2/logout?id_token_hint=" + elsewhere.getString("id_token")
                + "&post_logout_redirect_uri=" + BYE + "&state=x");
        assertEquals(200, reply.status(), reply.summary());
        assertTrue(reply.header("Location").isEmpty(), "the user is asked first");
        assertEquals("webapp", reply.hiddenFields().get("client_id"), "the confirmation keeps the client");
        assertNotNull(passThrough(browser, webapp().with("prompt", "none")).get("code"), "still signed in");

        WebReply confirmed = browser.submit(reply, Map.of());
        assertEquals(BYE + "?state=x", confirmed.location());
        assertTrue(browser.get(webapp().build()).isLoginPage());
    }

    @Test
    void logoutNeverRedirectsToAnUnregisteredUri() {
        BrowserAgent browser = new BrowserAgent();
        JsonObject issued = redeem(tokens, TestClient.WEBAPP, signIn(browser, webapp(), "bob", "bob-pass"), null);
        WebReply reply = browser.get(issuer + "/oauth2/logout?id_token_hint=" + issued.getString("id_token")
                + "&post_logout_redirect_uri=https%3A%2F%2Fattacker.example%2F");
        assertEquals(200, reply.status(), reply.summary());
        assertTrue(reply.header("Location").isEmpty());
        assertTrue(reply.isHtml());
        assertTrue(browser.get(webapp().build()).isLoginPage(), "signed out all the same");
    }

    @Test
    void aSessionRemembersItsGrantsForAsLongAsItCanBeLoggedOutOf() {
        BrowserAgent browser = new BrowserAgent();
        JsonObject portal = redeem(tokens, TestClient.WEBAPP, signIn(browser,
                webapp().with("scope", "openid offline_access"), "erin", "erin-pass"), null);
        redeem(tokens, TestClient.KIOSK, passThrough(browser, AuthorizeUrl.of(issuer, TestClient.KIOSK)), null);
        String sid = (String) idToken(portal).getClaim("sid");
        IMap<String, String> grants = server.node().infrastructure().hazelcast().getMap("lanyard.session-grants");
        long ttlSeconds = grants.getEntryView(sid).getTtl() / 1000;
        assertTrue(ttlSeconds > 3600, "a 60-second client must not cut the memory of the portal's 30-day grant"
                + " short: ttl " + ttlSeconds + " s");
    }

    private SessionRecord storedSession(BrowserAgent browser) {
        String cookie = browser.cookie("lanyard_session").orElseThrow();
        IMap<String, String> sessions = server.node().infrastructure().hazelcast().getMap("lanyard.sessions");
        return Jsons.read(sessions.get(TokenHash.of(cookie)), SessionRecord.class);
    }

    private static JWTClaimsSet idToken(JsonObject tokenResponse) {
        return TokenCalls.claims(tokenResponse.getString("id_token"));
    }
}
