package edu.lanyard.launcher.token;

import com.hazelcast.map.IMap;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import edu.lanyard.core.store.StoreMaps;
import edu.lanyard.core.token.TokenHash;
import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static edu.lanyard.launcher.token.ClientCredentials.APP;
import static edu.lanyard.launcher.token.ClientCredentials.OTHER;
import static edu.lanyard.launcher.token.ClientCredentials.QUICKCODE;
import static edu.lanyard.launcher.token.ClientCredentials.SPA;
import static edu.lanyard.launcher.token.ClientCredentials.WEBAPP;
import static edu.lanyard.launcher.token.OAuthAssertions.assertOAuthError;
import static edu.lanyard.launcher.token.OAuthAssertions.assertTokenResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The success path of every grant, over HTTP against a running server, and the code grant's own failures. */
class GrantsTest {
    private static final String WEBAPP_CB = "http://127.0.0.1:9999/cb";
    private static final String SPA_CB = "http://127.0.0.1:9997/cb";

    private static final LanyardTestServer server = LanyardTestServer.sharedTokens();
    private static final OAuthEndpoints oauth = new OAuthEndpoints(server);

    @Test
    void clientCredentialsWithBasicAndWithPost() {
        for (Http.Reply reply : List.of(
                oauth.token(APP, "grant_type", "client_credentials", "scope", "reports.read"),
                oauth.tokenPost(APP, "grant_type", "client_credentials", "scope", "reports.read"))) {
            JsonObject body = assertTokenResponse(reply);
            assertEquals("reports.read", body.getString("scope"));
            assertNull(body.getString("refresh_token"), "RFC 6749 §4.4.3: no refresh token");
            assertNull(body.getString("id_token"), "no user, no id_token");
            assertEquals(3600, body.getLong("expires_in"));
            JsonObject introspection = oauth.introspect(APP, body.getString("access_token")).json();
            assertTrue(introspection.getBoolean("active"));
            assertEquals("app", introspection.getString("client_id"));
            assertEquals("reports.read", introspection.getString("scope"));
        }
    }

    @Test
    void clientCredentialsWithoutScopeGetsTheRegisteredScopes() {
        JsonObject body = assertTokenResponse(oauth.token(APP, "grant_type", "client_credentials"));
        assertEquals(List.of("openid", "profile", "email", "reports.read", "reports.write"),
                List.of(body.getString("scope").split(" ")));
    }

    @Test
    void passwordGrantIssuesAccessRefreshAndIdToken() throws ParseException {
        JsonObject body = oauth.passwordGrant(APP, "tess", "tess-pass", "openid profile");
        assertEquals("openid profile", body.getString("scope"));
        assertNotNull(body.getString("refresh_token"));
        JWTClaimsSet idToken = SignedJWT.parse(body.getString("id_token")).getJWTClaimsSet();
        assertEquals(server.baseUrl(), idToken.getIssuer());
        assertEquals(List.of("app"), idToken.getAudience());
        assertNotNull(idToken.getSubject());
        JsonObject introspection = oauth.introspect(APP, body.getString("access_token")).json();
        assertTrue(introspection.getBoolean("active"));
        assertEquals("tess", introspection.getString("username"));
        assertEquals(idToken.getSubject(), introspection.getString("sub"));
    }

    @Test
    void passwordGrantWithPostCredentialsAndWithoutOpenid() {
        JsonObject body = assertTokenResponse(oauth.tokenPost(APP, "grant_type", "password", "username", "tess",
                "password", "tess-pass", "scope", "reports.read"));
        assertNull(body.getString("id_token"), "no openid scope, no id_token");
        assertNotNull(body.getString("refresh_token"));
    }

    @Test
    void refreshTokenGrantRotates() {
        JsonObject first = oauth.passwordGrant(APP, "tess", "tess-pass", "openid profile");
        JsonObject second = assertTokenResponse(oauth.token(APP, "grant_type", "refresh_token", "refresh_token",
                first.getString("refresh_token")));
        assertNotEquals(first.getString("refresh_token"), second.getString("refresh_token"));
        assertNotEquals(first.getString("access_token"), second.getString("access_token"));
        assertEquals("openid profile", second.getString("scope"));
        assertNotNull(second.getString("id_token"), "OIDC Core §12.2: a refresh with openid may return one");
        assertTrue(oauth.active(second.getString("access_token")));
        assertTrue(oauth.active(second.getString("refresh_token")));
        assertFalse(oauth.active(first.getString("refresh_token")), "the rotated refresh token is retired");
    }

    @Test
    void issuedAccessTokensAreRfc6750BearerTokens() {
        String token = oauth.passwordGrant(APP, "tess", "tess-pass", "openid profile").getString("access_token");
        String userinfo = server.baseUrl() + "/oauth2/userinfo";
        Http.Reply header = Http.get(userinfo, "Bearer " + token);
        assertEquals(200, header.status(), header.body());
        assertEquals("Tess Ortiz", header.json().getString("name"));
        Http.Reply form = oauth.post("/oauth2/userinfo", null, "access_token", token);
        assertEquals(200, form.status(), form.body());
        Http.Reply twoPlaces = Http.get(userinfo + "?access_token=" + token, "Bearer " + token);
        assertEquals(400, twoPlaces.status(), "RFC 6750 §2: one method only");
        assertEquals("invalid_request", twoPlaces.json().getString("error"));

        Http.Reply none = Http.get(userinfo, null);
        assertEquals(401, none.status());
        assertTrue(none.header("WWW-Authenticate").startsWith("Bearer"), none.header("WWW-Authenticate"));
        assertFalse(none.header("WWW-Authenticate").contains("error="), "RFC 6750 §3.1: no error code");

        Http.Reply unknown = Http.get(userinfo, "Bearer " + TokenStrings.random(32));
        assertEquals(401, unknown.status());
        assertTrue(unknown.header("WWW-Authenticate").contains("error=\"invalid_token\""),
                unknown.header("WWW-Authenticate"));

        String noOpenid = oauth.passwordGrant(APP, "tess", "tess-pass", "profile").getString("access_token");
        Http.Reply insufficient = Http.get(userinfo, "Bearer " + noOpenid);
        assertEquals(403, insufficient.status());
        assertTrue(insufficient.header("WWW-Authenticate").contains("error=\"insufficient_scope\""));

        assertEquals(200, oauth.revoke(APP, token).status());
        assertEquals(401, Http.get(userinfo, "Bearer " + token).status(), "a revoked token is refused");
    }

    @Test
    void authorizationCodeGrantForAConfidentialClient() throws ParseException {
        BrowserSignIn.Code code = new BrowserSignIn(server.baseUrl())
                .authorize("webapp", WEBAPP_CB, "openid profile", "tess", "tess-pass");
        JsonObject body = assertTokenResponse(oauth.token(WEBAPP, "grant_type", "authorization_code",
                "code", code.code(), "redirect_uri", WEBAPP_CB, "code_verifier", code.verifier()));
        assertEquals("openid profile", body.getString("scope"));
        assertNotNull(body.getString("refresh_token"));
        JWTClaimsSet idToken = SignedJWT.parse(body.getString("id_token")).getJWTClaimsSet();
        assertEquals(List.of("webapp"), idToken.getAudience());
        assertNotNull(idToken.getClaim("at_hash"));
        assertTrue(oauth.active(body.getString("access_token")));
        JsonObject refreshed = assertTokenResponse(oauth.token(WEBAPP, "grant_type", "refresh_token",
                "refresh_token", body.getString("refresh_token")));
        assertTrue(oauth.active(refreshed.getString("access_token")));
    }

    @Test
    void authorizationCodeGrantForAPublicClientWithPkce() {
        BrowserSignIn.Code code = new BrowserSignIn(server.baseUrl())
                .authorize("spa", SPA_CB, "openid", "tess", "tess-pass");
        JsonObject body = assertTokenResponse(oauth.tokenPost(SPA, "grant_type", "authorization_code",
                "code", code.code(), "redirect_uri", SPA_CB, "code_verifier", code.verifier()));
        assertNotNull(body.getString("refresh_token"));
        JsonObject refreshed = assertTokenResponse(oauth.tokenPost(SPA, "grant_type", "refresh_token",
                "refresh_token", body.getString("refresh_token")));
        assertNotEquals(body.getString("refresh_token"), refreshed.getString("refresh_token"),
                "a public client's refresh tokens always rotate");
    }

    @Test
    void pkcePlainAndNoPkceForAConfidentialClient() {
        BrowserSignIn browser = new BrowserSignIn(server.baseUrl());
        BrowserSignIn.Code plain = browser.authorize("webapp", WEBAPP_CB, true, "openid",
                BrowserSignIn.Challenge.PLAIN, "tess", "tess-pass");
        assertTokenResponse(oauth.token(WEBAPP, "grant_type", "authorization_code", "code", plain.code(),
                "redirect_uri", WEBAPP_CB, "code_verifier", plain.verifier()));
        BrowserSignIn.Code none = browser.authorize("webapp", WEBAPP_CB, true, "openid",
                BrowserSignIn.Challenge.NONE, "tess", "tess-pass");
        assertTokenResponse(oauth.token(WEBAPP, "grant_type", "authorization_code", "code", none.code(),
                "redirect_uri", WEBAPP_CB));
        BrowserSignIn.Code unexpected = browser.authorize("webapp", WEBAPP_CB, true, "openid",
                BrowserSignIn.Challenge.NONE, "tess", "tess-pass");
        assertOAuthError(oauth.token(WEBAPP, "grant_type", "authorization_code", "code", unexpected.code(),
                "redirect_uri", WEBAPP_CB, "code_verifier", TokenStrings.random(40)), 400, "invalid_grant");
    }

    @Test
    void redirectUriIsRequiredAtTheTokenEndpointOnlyIfItWasSentToAuthorize() {
        BrowserSignIn browser = new BrowserSignIn(server.baseUrl());
        BrowserSignIn.Code omitted = browser.authorize("webapp", WEBAPP_CB, false, "openid",
                BrowserSignIn.Challenge.S256, "tess", "tess-pass");
        assertTokenResponse(oauth.token(WEBAPP, "grant_type", "authorization_code", "code", omitted.code(),
                "code_verifier", omitted.verifier()));
        BrowserSignIn.Code sent = browser.authorize("webapp", WEBAPP_CB, "openid", "tess", "tess-pass");
        assertOAuthError(oauth.token(WEBAPP, "grant_type", "authorization_code", "code", sent.code(),
                "code_verifier", sent.verifier()), 400, "invalid_grant");
    }

    @Test
    void expiredCodeIsInvalidGrant() {
        String cb = "http://127.0.0.1:9996/cb";
        BrowserSignIn.Code code = new BrowserSignIn(server.baseUrl())
                .authorize("quickcode", cb, "openid", "tess", "tess-pass");
        IMap<String, String> codes = server.node().infrastructure().hazelcast().getMap(StoreMaps.CODES);
        String hash = TokenHash.of(code.code());
        long expiresAt = new JsonObject(codes.get(hash)).getLong("expiresAt");
        Polling.until(Duration.ofSeconds(15), "the 1 s code to expire",
                () -> Instant.now().getEpochSecond() >= expiresAt);
        assertOAuthError(oauth.token(ClientCredentials.QUICKCODE, "grant_type", "authorization_code",
                "code", code.code(), "redirect_uri", cb, "code_verifier", code.verifier()), 400, "invalid_grant");
    }

    @Test
    void replayedCodeIsInvalidGrantAndRevokesWhatItIssued() {
        BrowserSignIn.Code code = new BrowserSignIn(server.baseUrl())
                .authorize("webapp", WEBAPP_CB, "openid", "tess", "tess-pass");
        String[] exchange = {"grant_type", "authorization_code", "code", code.code(), "redirect_uri", WEBAPP_CB,
                "code_verifier", code.verifier()};
        JsonObject body = assertTokenResponse(oauth.token(WEBAPP, exchange));
        assertOAuthError(oauth.token(WEBAPP, exchange), 400, "invalid_grant");
        assertFalse(oauth.active(body.getString("access_token")), "RFC 6749 §4.1.2: tokens of a replayed code");
        assertFalse(oauth.active(body.getString("refresh_token")));
    }

    @Test
    void aCodePresentedByAnotherClientStaysRedeemableByItsOwner() {
        BrowserSignIn.Code code = new BrowserSignIn(server.baseUrl())
                .authorize("webapp", WEBAPP_CB, "openid profile", "tess", "tess-pass");
        String[] exchange = {"grant_type", "authorization_code", "code", code.code(), "redirect_uri", WEBAPP_CB,
                "code_verifier", code.verifier()};
        assertOAuthError(oauth.token(QUICKCODE, exchange), 400, "invalid_grant");
        assertOAuthError(oauth.tokenPost(SPA, exchange), 400, "invalid_grant");

        JsonObject body = assertTokenResponse(oauth.token(WEBAPP, exchange));
        assertEquals("openid profile", body.getString("scope"), "the owner redeems the code the others presented");

        assertOAuthError(oauth.token(QUICKCODE, exchange), 400, "invalid_grant");
        assertTrue(oauth.active(body.getString("access_token")),
                "another client presenting a redeemed code is no replay by its owner: nothing is revoked");
        assertTrue(oauth.active(body.getString("refresh_token")));

        assertOAuthError(oauth.token(WEBAPP, exchange), 400, "invalid_grant");
        assertFalse(oauth.active(body.getString("access_token")), "the owner's own replay still revokes");
    }

    @Test
    void anotherClientCanNeitherRotateNorRevokeARefreshFamily() {
        JsonObject first = oauth.passwordGrant(APP, "tess", "tess-pass", "openid profile");
        String[] refresh = {"grant_type", "refresh_token", "refresh_token", first.getString("refresh_token")};
        assertOAuthError(oauth.token(OTHER, refresh), 400, "invalid_grant");
        JsonObject second = assertTokenResponse(oauth.token(APP, refresh));

        assertOAuthError(oauth.token(OTHER, refresh), 400, "invalid_grant");
        assertTrue(oauth.active(second.getString("refresh_token")),
                "a retired token presented by another client is no reuse: the family lives on");
        assertTrue(oauth.active(second.getString("access_token")));
        assertTokenResponse(oauth.token(APP, "grant_type", "refresh_token", "refresh_token",
                second.getString("refresh_token")));
    }

    @Test
    void codeWithWrongVerifierRedirectUriOrClientIsInvalidGrant() {
        BrowserSignIn browser = new BrowserSignIn(server.baseUrl());
        BrowserSignIn.Code a = browser.authorize("webapp", WEBAPP_CB, "openid", "tess", "tess-pass");
        assertOAuthError(oauth.token(WEBAPP, "grant_type", "authorization_code", "code", a.code(),
                "redirect_uri", WEBAPP_CB, "code_verifier", TokenStrings.random(40)), 400, "invalid_grant");
        BrowserSignIn.Code b = browser.authorize("webapp", WEBAPP_CB, "openid", "tess", "tess-pass");
        assertOAuthError(oauth.token(WEBAPP, "grant_type", "authorization_code", "code", b.code(),
                "redirect_uri", "http://127.0.0.1:9999/elsewhere", "code_verifier", b.verifier()), 400,
                "invalid_grant");
        BrowserSignIn.Code c = browser.authorize("webapp", WEBAPP_CB, "openid", "tess", "tess-pass");
        assertOAuthError(oauth.token(WEBAPP, "grant_type", "authorization_code", "code", c.code(),
                "redirect_uri", WEBAPP_CB), 400, "invalid_grant");
        BrowserSignIn.Code d = browser.authorize("spa", SPA_CB, "openid", "tess", "tess-pass");
        ClientCredentials intruder = new ClientCredentials(OTHER.id(), OTHER.secret());
        assertOAuthError(oauth.token(intruder, "grant_type", "authorization_code", "code", d.code(),
                "redirect_uri", SPA_CB, "code_verifier", d.verifier()), 400, "unauthorized_client");
        assertOAuthError(oauth.token(WEBAPP, "grant_type", "authorization_code", "code", d.code(),
                "redirect_uri", SPA_CB, "code_verifier", d.verifier()), 400, "invalid_grant");
    }
}
