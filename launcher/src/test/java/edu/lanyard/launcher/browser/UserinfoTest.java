package edu.lanyard.launcher.browser;

import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

import static edu.lanyard.launcher.browser.Journeys.redeem;
import static edu.lanyard.launcher.browser.Journeys.signIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OIDC Core §5.3 UserInfo with tokens from the code flow; RFC 6750 §2 token places and §3 errors. */
class UserinfoTest {
    private final LanyardTestServer server = LanyardTestServer.sharedSignIn();
    private final String issuer = server.baseUrl();
    private final String endpoint = issuer + "/oauth2/userinfo";
    private final TokenCalls tokens = new TokenCalls(issuer);

    private String accessToken(TestClient client, String scope) {
        return redeem(tokens, client, signIn(new BrowserAgent(), AuthorizeUrl.of(issuer, client).with("scope", scope),
                "alice", "alice-pass"), null).getString("access_token");
    }

    @Test
    void getWithABearerHeaderReleasesOnlyTheProfileClaims() {
        Http.Reply reply = Http.get(endpoint, "Bearer " + accessToken(TestClient.WEBAPP, "openid profile"));
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.header("Content-Type").startsWith("application/json"));
        assertTrue(reply.header("Cache-Control").contains("no-store"));
        JsonObject claims = reply.json();
        assertEquals("Alice Zhang", claims.getString("name"));
        assertEquals("alice", claims.getString("preferred_username"));
        assertFalse(claims.containsKey("email"), "email was not granted");
        assertFalse(claims.containsKey("phone_number"), "phone was not granted");
    }

    @Test
    void postWithTheTokenInTheFormBodyReleasesEmailAndPhone() {
        String token = accessToken(TestClient.WEBAPP, "openid email phone");
        Http.Reply reply = Http.postForm(endpoint, null, Http.form(Http.fields("access_token", token)));
        assertEquals(200, reply.status(), reply.body());
        JsonObject claims = reply.json();
        assertEquals("alice@example.edu", claims.getString("email"));
        assertEquals("13800000000", claims.getString("phone_number"));
        assertNull(claims.getString("name"), "profile was not granted");
        assertTrue(claims.getString("sub") != null);
    }

    @Test
    void postWithABearerHeaderWorksToo() {
        String token = accessToken(TestClient.WEBAPP, "openid profile");
        Http.Reply reply = Http.send(HttpRequest.newBuilder(URI.create(endpoint)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, reply.status(), reply.body());
        assertEquals("alice", reply.json().getString("preferred_username"));
    }

    @Test
    void noTokenIsAChallengeWithoutAnErrorCode() {
        Http.Reply reply = Http.get(endpoint, null);
        assertEquals(401, reply.status());
        String challenge = reply.header("WWW-Authenticate");
        assertTrue(challenge.startsWith("Bearer"), challenge);
        assertFalse(challenge.contains("error="), "RFC 6750 §3.1: no error code without credentials: " + challenge);
    }

    @Test
    void anotherAuthenticationSchemeIsAlsoABareChallenge() {
        Http.Reply reply = Http.get(endpoint, Http.basic(TestClient.WEBAPP.id(), TestClient.WEBAPP.secret()));
        assertEquals(401, reply.status(), reply.body());
        assertFalse(reply.header("WWW-Authenticate").contains("error="), "RFC 6750 §3.1: an unsupported method");
    }

    @Test
    void anUnknownTokenIsInvalidToken() {
        Http.Reply reply = Http.get(endpoint, "Bearer not-a-token-we-issued");
        assertEquals(401, reply.status());
        assertTrue(reply.header("WWW-Authenticate").contains("error=\"invalid_token\""),
                reply.header("WWW-Authenticate"));
        assertEquals("invalid_token", reply.json().getString("error"));
    }

    @Test
    void aTokenWithoutOpenidIsInsufficientScope() {
        String token = accessToken(TestClient.NO_OPENID, "profile");
        Http.Reply reply = Http.get(endpoint, "Bearer " + token);
        assertEquals(403, reply.status(), reply.body());
        String challenge = reply.header("WWW-Authenticate");
        assertTrue(challenge.contains("error=\"insufficient_scope\""), challenge);
        assertTrue(challenge.contains("scope=\"openid\""), challenge);
    }

    @Test
    void aTokenInTwoPlacesIsInvalidRequest() {
        String token = accessToken(TestClient.WEBAPP, "openid");
        Http.Reply reply = Http.postForm(endpoint, "Bearer " + token, Http.form(Http.fields("access_token", token)));
        assertEquals(400, reply.status(), reply.body());
        assertTrue(reply.header("WWW-Authenticate").contains("error=\"invalid_request\""));
    }

    @Test
    void aRevokedTokenIsInvalidToken() {
        String token = accessToken(TestClient.WEBAPP, "openid profile");
        Http.Reply revoked = Http.postForm(issuer + "/oauth2/revoke",
                Http.basic(TestClient.WEBAPP.id(), TestClient.WEBAPP.secret()), Http.form(Http.fields("token", token)));
        assertEquals(200, revoked.status(), revoked.body());
        Http.Reply reply = Http.get(endpoint, "Bearer " + token);
        assertEquals(401, reply.status());
        assertTrue(reply.header("WWW-Authenticate").contains("invalid_token"));
    }
}
