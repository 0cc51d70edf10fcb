package edu.lanyard.launcher.browser;

import com.nimbusds.jwt.JWTClaimsSet;
import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import org.junit.jupiter.api.Test;

import static edu.lanyard.launcher.browser.Journeys.passThrough;
import static edu.lanyard.launcher.browser.Journeys.signIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 6749 §4.2 and OIDC Core §3.2: tokens straight from the authorization endpoint, in the fragment. */
class ImplicitFlowTest {
    private final LanyardTestServer server = LanyardTestServer.sharedSignIn();
    private final String issuer = server.baseUrl();
    private final TokenCalls tokens = new TokenCalls(issuer);

    private AuthorizeUrl implicit(String responseType) {
        return AuthorizeUrl.of(issuer, TestClient.WEBAPP).with("response_type", responseType);
    }

    @Test
    void tokenResponseCarriesABearerTokenInTheFragment() {
        Callback callback = signIn(new BrowserAgent(), implicit("token").with("scope", "openid profile")
                .with("state", "imp"), "alice", "alice-pass");
        assertTrue(callback.inFragment());
        assertEquals("imp", callback.get("state"));
        assertEquals("Bearer", callback.get("token_type"));
        assertTrue(Long.parseLong(callback.get("expires_in")) > 0);
        assertFalse(callback.has("refresh_token"), "never a refresh token from the front channel");
        assertFalse(callback.has("code"));
        Http.Reply userinfo = tokens.userinfo(callback.get("access_token"));
        assertEquals(200, userinfo.status(), userinfo.body());
        assertEquals("Alice Zhang", userinfo.json().getString("name"));
    }

    @Test
    void idTokenTokenResponseBindsTheTokenWithAtHash() {
        BrowserAgent browser = new BrowserAgent();
        signIn(browser, AuthorizeUrl.of(issuer, TestClient.WEBAPP), "bob", "bob-pass");
        Callback callback = passThrough(browser, implicit("id_token token").with("nonce", "imp-nonce"));
        JWTClaimsSet idToken = TokenCalls.claims(callback.get("id_token"));
        assertEquals("imp-nonce", idToken.getClaim("nonce"));
        assertEquals(TokenHashes.leftHalfSha256(callback.get("access_token")), idToken.getClaim("at_hash"));
        assertEquals(java.util.List.of("webapp"), idToken.getAudience());
        assertNotNull(idToken.getClaim("sid"));
    }

    @Test
    void idTokenAloneCarriesNoAccessToken() {
        BrowserAgent browser = new BrowserAgent();
        signIn(browser, AuthorizeUrl.of(issuer, TestClient.WEBAPP), "bob", "bob-pass");
        Callback callback = passThrough(browser, implicit("id_token").with("nonce", "only"));
        assertFalse(callback.has("access_token"));
        assertEquals("only", TokenCalls.claims(callback.get("id_token")).getClaim("nonce"));
    }

    @Test
    void idTokenWithoutNonceIsRefusedInTheFragment() {
        WebReply reply = new BrowserAgent().get(implicit("id_token token").with("state", "nn").build());
        assertEquals(302, reply.status(), reply.summary());
        Callback callback = reply.callback();
        assertTrue(callback.inFragment(), "errors of an implicit request go in the fragment too");
        assertEquals("invalid_request", callback.get("error"));
        assertEquals("nn", callback.get("state"));
    }

    @Test
    void clientWithoutTheImplicitGrantIsUnauthorized() {
        WebReply reply = new BrowserAgent().get(AuthorizeUrl.of(issuer, TestClient.LIBRARY)
                .with("response_type", "token").with("state", "u").build());
        assertEquals(302, reply.status(), reply.summary());
        assertEquals("unauthorized_client", reply.callback().get("error"));
        assertTrue(reply.callback().inFragment());
    }

    @Test
    void tokensAreNeverPutInTheQuery() {
        WebReply reply = new BrowserAgent().get(implicit("token").with("response_mode", "query").build());
        assertEquals(302, reply.status(), reply.summary());
        Callback callback = reply.callback();
        assertEquals("invalid_request", callback.get("error"));
        assertFalse(callback.has("access_token"));
    }

    @Test
    void unsupportedResponseTypeIsSentBack() {
        WebReply reply = new BrowserAgent().get(implicit("code banana").with("state", "b").build());
        assertEquals(302, reply.status(), reply.summary());
        assertEquals("unsupported_response_type", reply.callback().get("error"));
        assertEquals("b", reply.callback().get("state"));
    }
}
