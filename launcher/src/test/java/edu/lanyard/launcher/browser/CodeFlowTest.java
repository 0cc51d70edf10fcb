package edu.lanyard.launcher.browser;

import com.nimbusds.jwt.JWTClaimsSet;
import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static edu.lanyard.launcher.browser.Journeys.signIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The authorization code flow driven like a browser, RFC 6749 §4.1 with PKCE (RFC 7636) and OIDC Core §3.1. */
class CodeFlowTest {
    private final LanyardTestServer server = LanyardTestServer.sharedSignIn();
    private final String issuer = server.baseUrl();
    private final TokenCalls tokens = new TokenCalls(issuer);

    @Test
    void s256CodeFlowIssuesTokensAndAnIdTokenWithNonceAndState() {
        Pkce pkce = Pkce.s256();
        BrowserAgent browser = new BrowserAgent();
        WebReply login = browser.get(AuthorizeUrl.of(issuer, TestClient.WEBAPP)
                .with("scope", "openid profile email offline_access").with("state", "st-1")
                .with("nonce", "n-0S6_WzA2Mj").pkce(pkce).build());
        assertTrue(login.isLoginPage(), login.summary());
        assertTrue(login.isHtml());
        assertEquals("DENY", login.header("X-Frame-Options").orElse(null));
        assertTrue(login.header("Content-Security-Policy").orElseThrow().contains("frame-ancestors 'none'"));
        assertTrue(login.header("Cache-Control").orElseThrow().contains("no-store"));

        WebReply redirect = browser.signIn(login, "alice", "alice-pass");
        assertEquals(303, redirect.status(), redirect.summary());
        Callback callback = redirect.callback();
        assertEquals(TestClient.WEBAPP.redirectUri(), callback.target());
        assertFalse(callback.inFragment(), "a code alone comes in the query");
        assertEquals("st-1", callback.get("state"));

        Http.Reply reply = tokens.redeem(TestClient.WEBAPP, callback.get("code"), pkce.verifier());
        assertEquals(200, reply.status(), reply.body());
        JsonObject body = reply.json();
        assertEquals("Bearer", body.getString("token_type"));
        assertNotNull(body.getString("refresh_token"));
        assertTrue(tokens.active(body.getString("access_token"), TestClient.WEBAPP));

        JWTClaimsSet idToken = TokenCalls.claims(body.getString("id_token"));
        assertEquals(issuer, idToken.getIssuer());
        assertEquals(List.of("webapp"), idToken.getAudience());
        assertEquals("n-0S6_WzA2Mj", idToken.getClaim("nonce"));
        assertEquals("alice", idToken.getClaim("preferred_username"));
        assertEquals("alice@example.edu", idToken.getClaim("email"));
        assertNotNull(idToken.getClaim("auth_time"));
        assertNotNull(idToken.getClaim("sid"));
        assertEquals(TokenHashes.leftHalfSha256(body.getString("access_token")), idToken.getClaim("at_hash"));
    }

    @Test
    void theLoginPagesStylesheetAndIconAreServedByLanyard() {
        WebReply login = new BrowserAgent().get(AuthorizeUrl.of(issuer, TestClient.WEBAPP).build());
        Matcher links = Pattern.compile("<link rel=\"(stylesheet|icon)\" href=\"([^\"]+)\"").matcher(login.body());
        int found = 0;
        while (links.find()) {
            found++;
            String href = links.group(2).replace("&amp;", "&");
            assertTrue(href.startsWith("/"), "no external CDN: " + href);
            Http.Reply asset = Http.get(issuer + href, null);
            assertEquals(200, asset.status(), href);
            assertTrue(asset.header("Cache-Control").contains("immutable"), href);
        }
        assertEquals(2, found, "stylesheet and icon");
    }

    @Test
    void plainPkceWorksForAPublicClient() {
        Pkce pkce = Pkce.plain();
        Callback callback = signIn(new BrowserAgent(), AuthorizeUrl.of(issuer, TestClient.SPA)
                .with("scope", "openid profile").pkce(pkce), "bob", "bob-pass");
        Http.Reply reply = tokens.redeem(TestClient.SPA, callback.get("code"), pkce.verifier());
        assertEquals(200, reply.status(), reply.body());
        assertEquals("bob", TokenCalls.claims(reply.json().getString("id_token")).getClaim("preferred_username"));
    }

    @Test
    void wrongVerifierIsInvalidGrant() {
        Callback callback = signIn(new BrowserAgent(), AuthorizeUrl.of(issuer, TestClient.WEBAPP).pkce(Pkce.s256()),
                "bob", "bob-pass");
        Http.Reply reply = tokens.redeem(TestClient.WEBAPP, callback.get("code"), Pkce.s256().verifier());
        assertEquals(400, reply.status(), reply.body());
        assertEquals("invalid_grant", reply.json().getString("error"));
    }

    @Test
    void missingVerifierForAChallengedCodeIsInvalidGrant() {
        Callback callback = signIn(new BrowserAgent(), AuthorizeUrl.of(issuer, TestClient.SPA).pkce(Pkce.s256()),
                "bob", "bob-pass");
        Http.Reply reply = tokens.redeem(TestClient.SPA, callback.get("code"), null);
        assertEquals(400, reply.status(), reply.body());
        assertEquals("invalid_grant", reply.json().getString("error"));
    }

    @Test
    void publicClientWithoutPkceIsSentBackAnError() {
        WebReply reply = new BrowserAgent().get(AuthorizeUrl.of(issuer, TestClient.SPA).with("state", "s-pub").build());
        assertEquals(302, reply.status(), reply.summary());
        Callback callback = reply.callback();
        assertEquals(TestClient.SPA.redirectUri(), callback.target());
        assertEquals("invalid_request", callback.get("error"));
        assertEquals("s-pub", callback.get("state"));
        assertNull(callback.get("code"));
    }

    @Test
    void replayedCodeIsInvalidGrantAndRevokesTheFirstTokens() {
        Pkce pkce = Pkce.s256();
        Callback callback = signIn(new BrowserAgent(), AuthorizeUrl.of(issuer, TestClient.WEBAPP)
                .with("scope", "openid offline_access").pkce(pkce), "carol", "carol-pass");
        Http.Reply first = tokens.redeem(TestClient.WEBAPP, callback.get("code"), pkce.verifier());
        assertEquals(200, first.status(), first.body());
        String access = first.json().getString("access_token");
        String refresh = first.json().getString("refresh_token");
        assertTrue(tokens.active(access, TestClient.WEBAPP));

        Http.Reply replay = tokens.redeem(TestClient.WEBAPP, callback.get("code"), pkce.verifier());
        assertEquals(400, replay.status(), replay.body());
        assertEquals("invalid_grant", replay.json().getString("error"));
        assertFalse(tokens.active(access, TestClient.WEBAPP), "access token of the replayed code");
        assertFalse(tokens.active(refresh, TestClient.WEBAPP), "refresh token of the replayed code");
        Http.Reply refreshed = Http.postForm(issuer + "/oauth2/token",
                Http.basic(TestClient.WEBAPP.id(), TestClient.WEBAPP.secret()),
                Http.form(Http.fields("grant_type", "refresh_token", "refresh_token", refresh)));
        assertEquals("invalid_grant", refreshed.json().getString("error"), refreshed.body());
    }

    @Test
    void redirectUriMustMatchAtTheTokenEndpoint() {
        Callback callback = signIn(new BrowserAgent(), AuthorizeUrl.of(issuer, TestClient.WEBAPP), "bob", "bob-pass");
        Http.Reply reply = Http.postForm(issuer + "/oauth2/token",
                Http.basic(TestClient.WEBAPP.id(), TestClient.WEBAPP.secret()),
                Http.form(Http.fields("grant_type", "authorization_code", "code", callback.get("code"),
                        "redirect_uri", "http://127.0.0.1:9101/other")));
        assertEquals(400, reply.status(), reply.body());
        assertEquals("invalid_grant", reply.json().getString("error"));
    }

    @Test
    void unregisteredRedirectUrisGetAnErrorPageAndNeverARedirect() {
        List<String> hostile = List.of("http://127.0.0.1:9101/cb/../evil", "http://127.0.0.1:9101/cb?x=1",
                "http://127.0.0.1:9109/cb", "https://attacker.example/cb", "http://127.0.0.1:9101/CB",
                "http://127.0.0.1:9102/cb");
        for (String uri : hostile) {
            WebReply reply = new BrowserAgent().get(AuthorizeUrl.of(issuer, TestClient.WEBAPP)
                    .with("redirect_uri", uri).with("state", "s").build());
            assertEquals(400, reply.status(), uri + ": " + reply.summary());
            assertTrue(reply.header("Location").isEmpty(), uri + " must not be redirected to");
            assertTrue(reply.isHtml(), uri);
            assertEquals("invalid_request", reply.errorCode(), uri);
            assertFalse(reply.body().contains(uri.replace("&", "&amp;")) && reply.body().contains("href=\"" + uri),
                    "no link to the unregistered URI");
        }
        WebReply missing = new BrowserAgent().get(AuthorizeUrl.of(issuer, TestClient.WEBAPP)
                .with("redirect_uri", null).build());
        assertEquals(400, missing.status(), "two URIs are registered, so one must be named: " + missing.summary());
        assertTrue(missing.header("Location").isEmpty());
    }

    @Test
    void unknownClientGetsAnErrorPage() {
        WebReply reply = new BrowserAgent().get(issuer + "/oauth2/authorize?response_type=code&client_id=nobody"
                + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A9101%2Fcb&scope=openid&state=s");
        assertTrue(reply.status() == 400 || reply.status() == 401, reply.summary());
        assertTrue(reply.header("Location").isEmpty());
        assertTrue(reply.isHtml());
        assertEquals("invalid_client", reply.errorCode());

        WebReply noClient = new BrowserAgent().get(issuer + "/oauth2/authorize?response_type=code");
        assertEquals(400, noClient.status(), noClient.summary());
        assertTrue(noClient.header("Location").isEmpty());
    }

    @Test
    void formPostResponseModePostsTheCodeToTheClient() {
        BrowserAgent browser = new BrowserAgent();
        WebReply login = browser.get(AuthorizeUrl.of(issuer, TestClient.WEBAPP).with("response_mode", "form_post")
                .with("state", "fp<&>\"state").build());
        WebReply page = browser.signIn(login, "bob", "bob-pass");
        assertEquals(200, page.status(), page.summary());
        assertTrue(page.isHtml());
        assertEquals(TestClient.WEBAPP.redirectUri(), page.formAction());
        Map<String, String> fields = page.hiddenFields();
        assertEquals("fp<&>\"state", fields.get("state"));
        assertNotNull(fields.get("code"));
        String csp = page.header("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("form-action 'self' http://127.0.0.1:9101"), csp);
        assertTrue(csp.contains("script-src 'sha256-"), "only the auto-submit script may run: " + csp);
        assertEquals(200, tokens.redeem(TestClient.WEBAPP, fields.get("code"), null).status());
    }

    @Test
    void hybridCodeIdTokenCarriesCHashInTheFragment() {
        Callback callback = signIn(new BrowserAgent(), AuthorizeUrl.of(issuer, TestClient.WEBAPP)
                .with("response_type", "code id_token").with("nonce", "hybrid-nonce").with("state", "h"),
                "alice", "alice-pass");
        assertTrue(callback.inFragment(), "tokens never go in the query");
        assertEquals("h", callback.get("state"));
        String code = callback.get("code");
        JWTClaimsSet idToken = TokenCalls.claims(callback.get("id_token"));
        assertEquals(TokenHashes.leftHalfSha256(code), idToken.getClaim("c_hash"));
        assertEquals("hybrid-nonce", idToken.getClaim("nonce"));
        assertNull(idToken.getClaim("at_hash"), "no access token in this response");
        assertFalse(callback.has("access_token"));

        Http.Reply redeemed = tokens.redeem(TestClient.WEBAPP, code, null);
        assertEquals(200, redeemed.status(), redeemed.body());
        JWTClaimsSet fromToken = TokenCalls.claims(redeemed.json().getString("id_token"));
        assertEquals(idToken.getSubject(), fromToken.getSubject());
        assertEquals(idToken.getClaim("sid"), fromToken.getClaim("sid"));
        assertEquals("hybrid-nonce", fromToken.getClaim("nonce"));
    }

    @Test
    void wrongPasswordShowsTheLoginPageAgainWithAnError() {
        BrowserAgent browser = new BrowserAgent();
        WebReply login = browser.get(AuthorizeUrl.of(issuer, TestClient.WEBAPP).build());
        WebReply again = browser.signIn(login, "dave", "not-dave");
        assertEquals(400, again.status());
        assertTrue(again.isLoginPage());
        assertTrue(again.body().contains("role=\"alert\""), again.body());
        assertTrue(again.header("Location").isEmpty());
        assertTrue(browser.signIn(again, "dave", "dave-pass").isRedirect(), "the same form works once right");
    }

    @Test
    void loginFormWithoutItsCsrfTokenIsRejected() {
        BrowserAgent browser = new BrowserAgent();
        WebReply login = browser.get(AuthorizeUrl.of(issuer, TestClient.WEBAPP).build());
        Map<String, String> fields = login.hiddenFields();
        fields.put("csrf", "forged");
        fields.put("username", "dave");
        fields.put("password", "dave-pass");
        WebReply reply = browser.post(issuer + "/oauth2/login", fields);
        assertTrue(reply.isLoginPage(), reply.summary());
        assertTrue(reply.header("Location").isEmpty());

        BrowserAgent attacker = new BrowserAgent();
        WebReply replayed = attacker.post(issuer + "/oauth2/login", login.hiddenFields());
        assertTrue(replayed.header("Location").isEmpty(), "another browser cannot post this browser's form");
    }
}
