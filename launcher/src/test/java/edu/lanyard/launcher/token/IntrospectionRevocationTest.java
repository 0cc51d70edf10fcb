package edu.lanyard.launcher.token;

import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static edu.lanyard.launcher.token.ClientCredentials.API;
import static edu.lanyard.launcher.token.ClientCredentials.APP;
import static edu.lanyard.launcher.token.ClientCredentials.OTHER;
import static edu.lanyard.launcher.token.ClientCredentials.SPA;
import static edu.lanyard.launcher.token.OAuthAssertions.assertNoStoreJson;
import static edu.lanyard.launcher.token.OAuthAssertions.assertOAuthError;
import static edu.lanyard.launcher.token.OAuthAssertions.assertTokenResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 7662 introspection and RFC 7009 revocation, round trips against a running server. */
class IntrospectionRevocationTest {
    private static final String SPA_CB = "http://127.0.0.1:9997/cb";

    private static final LanyardTestServer server = LanyardTestServer.sharedTokens();
    private static final OAuthEndpoints oauth = new OAuthEndpoints(server);

    @Test
    void activeAccessTokenShape() {
        long before = Instant.now().getEpochSecond();
        String token = oauth.clientCredentialsToken(APP, "reports.read reports.write");
        JsonObject body = assertNoStoreJson(oauth.introspect(APP, token), 200);
        assertEquals(true, body.getBoolean("active"));
        assertEquals("reports.read reports.write", body.getString("scope"));
        assertEquals("app", body.getString("client_id"));
        assertEquals(server.baseUrl(), body.getString("iss"));
        assertTrue(body.getValue("exp") instanceof Number && body.getValue("iat") instanceof Number);
        assertTrue(body.getLong("iat") >= before - 1, body.encode());
        assertEquals(3600, body.getLong("exp") - body.getLong("iat"));
        assertEquals("Bearer", body.getString("token_type"));
        assertNull(body.getString("sub"), "client_credentials has no user");

        JsonObject user = oauth.passwordGrant(APP, "tess", "tess-pass", "profile");
        JsonObject userBody = oauth.introspect(APP, user.getString("access_token")).json();
        assertEquals("tess", userBody.getString("username"));
        assertTrue(userBody.getString("sub") != null && !userBody.getString("sub").isEmpty());
    }

    @Test
    void inactiveTokenSaysOnlyThat() {
        for (String token : new String[]{TokenStrings.random(32), "x", "a b c"}) {
            JsonObject body = assertNoStoreJson(oauth.introspect(APP, token), 200);
            assertEquals(Set.of("active"), body.fieldNames(), "RFC 7662 §2.2: nothing more for an inactive token");
            assertEquals(false, body.getBoolean("active"));
        }
    }

    @Test
    void aClientLearnsNothingAboutAnotherClientsTokens() {
        JsonObject apps = oauth.passwordGrant(APP, "tess", "tess-pass", "openid profile");
        String others = oauth.clientCredentialsToken(OTHER, "reports.read");
        for (String token : List.of(apps.getString("access_token"), apps.getString("refresh_token"))) {
            JsonObject own = assertNoStoreJson(oauth.introspect(APP, token), 200);
            assertEquals(true, own.getBoolean("active"), "a client sees its own token");
            assertEquals("tess", own.getString("username"));
            JsonObject foreign = assertNoStoreJson(oauth.introspect(OTHER, token), 200);
            assertEquals(new JsonObject().put("active", false), foreign,
                    "another client's token looks like an unknown one: no user, subject or scope");
        }
        assertEquals(new JsonObject().put("active", false), oauth.introspect(APP, others).json());
        assertTrue(oauth.introspect(OTHER, others).json().getBoolean("active"));
    }

    @Test
    void aResourceServerSeesEveryClientsTokens() {
        JsonObject apps = oauth.passwordGrant(APP, "tess", "tess-pass", "openid profile");
        String others = oauth.clientCredentialsToken(OTHER, "reports.read");
        JsonObject user = assertNoStoreJson(oauth.introspect(API, apps.getString("access_token")), 200);
        assertEquals(true, user.getBoolean("active"));
        assertEquals("app", user.getString("client_id"));
        assertEquals("tess", user.getString("username"));
        assertEquals("openid profile", user.getString("scope"));
        JsonObject refresh = oauth.introspect(API, apps.getString("refresh_token")).json();
        assertEquals("refresh_token", refresh.getString("token_type"));
        assertEquals("other", oauth.introspect(API, others).json().getString("client_id"));
        assertEquals(new JsonObject().put("active", false),
                oauth.introspect(API, TokenStrings.random(32)).json());
    }

    @Test
    void tokenTypeHintIsOnlyAHint() {
        JsonObject tokens = oauth.passwordGrant(APP, "tess", "tess-pass", "profile");
        String access = tokens.getString("access_token");
        String refresh = tokens.getString("refresh_token");
        for (String hint : new String[]{"access_token", "refresh_token", "id_token", "made_up"}) {
            JsonObject a = oauth.introspect(APP, access, "token_type_hint", hint).json();
            assertTrue(a.getBoolean("active"), "hint " + hint);
            assertEquals("Bearer", a.getString("token_type"));
            JsonObject r = oauth.introspect(APP, refresh, "token_type_hint", hint).json();
            assertTrue(r.getBoolean("active"), "hint " + hint);
            assertEquals("refresh_token", r.getString("token_type"));
            assertEquals("app", r.getString("client_id"));
            assertEquals("profile", r.getString("scope"));
        }
    }

    @Test
    void introspectionRequiresAConfidentialClient() {
        String token = oauth.clientCredentialsToken(APP, "reports.read");
        assertOAuthError(oauth.post("/oauth2/introspect", null, "token", token), 401, "invalid_client");
        assertOAuthError(oauth.introspect(APP.withSecret("wrong"), token), 401, "invalid_client");
        assertOAuthError(oauth.post("/oauth2/introspect", null, "token", token, "client_id", "spa"), 401,
                "invalid_client");
    }

    @Test
    void introspectionWithPostedCredentialsAndParameterErrors() {
        String token = oauth.clientCredentialsToken(APP, "reports.read");
        JsonObject body = assertNoStoreJson(oauth.post("/oauth2/introspect", null,
                OAuthEndpoints.withPostCredentials(APP, "token", token)), 200);
        assertTrue(body.getBoolean("active"));
        assertOAuthError(oauth.post("/oauth2/introspect", APP.basic()), 400, "invalid_request");
        assertOAuthError(oauth.post("/oauth2/introspect", APP.basic(), "token", token, "token", token), 400,
                "invalid_request");
    }

    @Test
    void revokingAnAccessTokenMakesItInactive() {
        String token = oauth.clientCredentialsToken(APP, "reports.read");
        assertTrue(oauth.active(token));
        Http.Reply revoked = oauth.revoke(APP, token);
        assertEquals(200, revoked.status(), revoked.body());
        assertFalse(oauth.active(token));
        assertEquals(200, oauth.revoke(APP, token).status(), "revoking twice is still 200");
    }

    @Test
    void revokingARefreshTokenEndsTheFamily() {
        JsonObject first = oauth.passwordGrant(APP, "tess", "tess-pass", "openid");
        JsonObject second = assertTokenResponse(oauth.token(APP, "grant_type", "refresh_token", "refresh_token",
                first.getString("refresh_token")));
        assertEquals(200, oauth.revoke(APP, second.getString("refresh_token")).status());
        assertFalse(oauth.active(second.getString("refresh_token")));
        assertFalse(oauth.active(second.getString("access_token")));
        assertFalse(oauth.active(first.getString("access_token")));
        assertOAuthError(oauth.token(APP, "grant_type", "refresh_token", "refresh_token",
                second.getString("refresh_token")), 400, "invalid_grant");
    }

    @Test
    void revokingWithAWrongHintStillRevokes() {
        JsonObject tokens = oauth.passwordGrant(APP, "tess", "tess-pass", "profile");
        assertEquals(200, oauth.revoke(APP, tokens.getString("access_token"), "token_type_hint", "refresh_token")
                .status());
        assertFalse(oauth.active(tokens.getString("access_token")));
        assertTrue(oauth.active(tokens.getString("refresh_token")));
        assertEquals(200, oauth.revoke(APP, tokens.getString("refresh_token"), "token_type_hint", "access_token")
                .status());
        assertFalse(oauth.active(tokens.getString("refresh_token")));
    }

    @Test
    void unknownTokenRevokes200() {
        Http.Reply reply = oauth.revoke(APP, TokenStrings.random(32));
        assertEquals(200, reply.status(), reply.body());
    }

    @Test
    void anotherClientsTokenIsRefusedAndStaysActive() {
        String access = oauth.clientCredentialsToken(APP, "reports.read");
        JsonObject tokens = oauth.passwordGrant(APP, "tess", "tess-pass", "profile");
        assertOAuthError(oauth.revoke(OTHER, access), 400, "unauthorized_client");
        assertOAuthError(oauth.revoke(OTHER, tokens.getString("refresh_token")), 400, "unauthorized_client");
        assertTrue(oauth.active(access));
        assertTrue(oauth.active(tokens.getString("refresh_token")));
        assertTrue(oauth.active(tokens.getString("access_token")));
    }

    @Test
    void revocationParameterAndAuthenticationErrors() {
        assertOAuthError(oauth.post("/oauth2/revoke", APP.basic()), 400, "invalid_request");
        assertOAuthError(oauth.post("/oauth2/revoke", APP.basic(), "token", ""), 400, "invalid_request");
        assertOAuthError(oauth.post("/oauth2/revoke", APP.basic(), "token", "a", "token", "b"), 400,
                "invalid_request");
        assertOAuthError(oauth.post("/oauth2/revoke", null, "token", "a"), 401, "invalid_client");
        assertOAuthError(oauth.revoke(APP.withSecret("wrong"), "a"), 401, "invalid_client");
    }

    @Test
    void publicClientRevokesItsOwnRefreshToken() {
        BrowserSignIn.Code code = new BrowserSignIn(server.baseUrl())
                .authorize("spa", SPA_CB, "openid", "tess", "tess-pass");
        JsonObject tokens = assertTokenResponse(oauth.tokenPost(SPA, "grant_type", "authorization_code",
                "code", code.code(), "redirect_uri", SPA_CB, "code_verifier", code.verifier()));
        Http.Reply reply = oauth.post("/oauth2/revoke", null, "token", tokens.getString("refresh_token"),
                "client_id", "spa");
        assertEquals(200, reply.status(), reply.body());
        assertFalse(oauth.active(tokens.getString("refresh_token")));
        assertFalse(oauth.active(tokens.getString("access_token")));
    }
}
