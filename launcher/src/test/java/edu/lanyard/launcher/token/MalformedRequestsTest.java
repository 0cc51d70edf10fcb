package edu.lanyard.launcher.token;

import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static edu.lanyard.launcher.token.ClientCredentials.APP;
import static edu.lanyard.launcher.token.OAuthAssertions.assertClientError;
import static edu.lanyard.launcher.token.OAuthAssertions.assertOAuthError;
import static edu.lanyard.launcher.token.OAuthAssertions.assertTokenResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests no well-behaved client sends: wrong methods and content types, bodies that are empty, too large, binary
 * or not form-encoded, huge and non-ASCII values. Each gets a 4xx with an OAuth error body, never a 500.
 */
class MalformedRequestsTest {
    private static final List<String> ENDPOINTS = List.of("/oauth2/token", "/oauth2/introspect", "/oauth2/revoke");

    private static final LanyardTestServer server = LanyardTestServer.sharedTokens();
    private static final OAuthEndpoints oauth = new OAuthEndpoints(server);

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/plain", "multipart/form-data; boundary=x",
            "application/x-www-form-urlencoded-not"})
    void bodyThatIsNotAFormIsInvalidRequest(String contentType) {
        byte[] body = "grant_type=client_credentials".getBytes(StandardCharsets.UTF_8);
        for (String path : ENDPOINTS) {
            assertOAuthError(oauth.send(path, contentType, APP.basic(), body), 400, "invalid_request");
        }
    }

    @Test
    void jsonBodyIsInvalidRequest() {
        byte[] json = "{\"grant_type\":\"client_credentials\"}".getBytes(StandardCharsets.UTF_8);
        assertOAuthError(oauth.send("/oauth2/token", "application/json", APP.basic(), json), 400,
                "invalid_request");
    }

    @Test
    void missingContentTypeIsInvalidRequest() {
        byte[] body = "grant_type=client_credentials".getBytes(StandardCharsets.UTF_8);
        assertOAuthError(oauth.send("/oauth2/token", null, APP.basic(), body), 400, "invalid_request");
    }

    @Test
    void formContentTypeWithCharsetIsAccepted() {
        byte[] body = "grant_type=client_credentials".getBytes(StandardCharsets.UTF_8);
        assertTokenResponse(oauth.send("/oauth2/token", "application/x-www-form-urlencoded; charset=UTF-8",
                APP.basic(), body));
        assertTokenResponse(oauth.send("/oauth2/token", "Application/X-WWW-Form-URLEncoded", APP.basic(), body));
    }

    @Test
    void parametersInTheQueryStringAreNotRead() {
        // RFC 6749 §3.2 and §2.3.1: token requests are form bodies; a secret in a URL is not accepted.
        Http.Reply reply = oauth.send("/oauth2/token?grant_type=client_credentials&client_id=app&client_secret="
                + APP.secret(), OAuthEndpoints.FORM, null, new byte[0]);
        assertOAuthError(reply, 401, "invalid_client");
        assertOAuthError(oauth.send("/oauth2/token?grant_type=client_credentials", OAuthEndpoints.FORM,
                APP.basic(), new byte[0]), 400, "invalid_request");
    }

    @Test
    void getOnPostOnlyEndpointsIsMethodNotAllowed() {
        for (String path : ENDPOINTS) {
            Http.Reply reply = Http.get(oauth.url(path) + "?grant_type=client_credentials", APP.basic());
            assertOAuthError(reply, 405, "invalid_request");
            assertNotNull(reply.header("Allow"), "RFC 9110 §15.5.6: a 405 lists the allowed methods");
            assertTrue(reply.header("Allow").contains("POST"), reply.header("Allow"));
        }
    }

    @Test
    void bodyLargerThanTheLimitIs413WithAnOAuthError() {
        int limit = server.config().http().maxBodyBytes();
        String big = "grant_type=client_credentials&scope=" + "a".repeat(limit);
        for (String path : ENDPOINTS) {
            Http.Reply reply = oauth.send(path, OAuthEndpoints.FORM, APP.basic(),
                    big.getBytes(StandardCharsets.US_ASCII));
            assertOAuthError(reply, 413, "invalid_request");
        }
    }

    @Test
    void emptyBody() {
        for (String path : ENDPOINTS) {
            assertOAuthError(oauth.send(path, OAuthEndpoints.FORM, APP.basic(), new byte[0]), 400,
                    "invalid_request");
            assertOAuthError(oauth.send(path, OAuthEndpoints.FORM, null, new byte[0]), 401, "invalid_client");
        }
    }

    @Test
    void garbageBodiesAreClientErrors() {
        Random random = new Random(42);
        byte[] binary = new byte[2048];
        random.nextBytes(binary);
        List<byte[]> bodies = List.of(binary,
                bytes("%%%%"), bytes("a=%zz&grant_type=%zz"), bytes("=&=&=&&&"),
                bytes("grant_type=%C3%28&%C3%28=%C3%28"), bytes("grant_type=%00%00"),
                bytes("grant_type"), bytes("&".repeat(5000)), bytes("a=1&".repeat(2000)),
                bytes("x".repeat(60_000) + "=1"), new byte[]{(byte) 0xC3, 0x28, '=', (byte) 0xFF});
        for (String path : ENDPOINTS) {
            for (byte[] body : bodies) {
                assertClientError(oauth.send(path, OAuthEndpoints.FORM, APP.basic(), body));
            }
        }
    }

    @Test
    void veryLongValuesAreOrdinaryErrors() {
        String long60k = "x".repeat(60_000);
        assertOAuthError(oauth.post("/oauth2/token", null, "grant_type", "client_credentials", "client_id",
                long60k, "client_secret", "s"), 401, "invalid_client");
        assertOAuthError(oauth.token(APP, "grant_type", long60k), 400, "unsupported_grant_type");
        assertOAuthError(oauth.token(APP, "grant_type", "refresh_token", "refresh_token", long60k), 400,
                "invalid_grant");
        assertOAuthError(oauth.token(APP, "grant_type", "client_credentials", "scope", long60k), 400,
                "invalid_scope");
        String long30k = "x".repeat(30_000);
        assertOAuthError(oauth.token(APP, "grant_type", "password", "username", long30k, "password", long30k),
                400, "invalid_grant");
        assertOAuthError(oauth.post("/oauth2/token", APP.basic(), "grant_type", "client_credentials",
                long60k, "1"), 400, "invalid_request");
        assertEquals(false, oauth.introspect(APP, long60k).json().getBoolean("active"));
        assertEquals(200, oauth.revoke(APP, long60k).status());
    }

    @Test
    void unicodeValues() {
        assertOAuthError(oauth.token(APP, "grant_type", "授权码"), 400, "unsupported_grant_type");
        assertOAuthError(oauth.token(APP, "grant_type", "client_credentials", "scope", "读取 \"q\" \\"), 400,
                "invalid_scope");
        assertOAuthError(oauth.token(new ClientCredentials("客户端", "密钥"), "grant_type", "client_credentials"),
                401, "invalid_client");
        assertOAuthError(oauth.token(APP, "grant_type", "refresh_token", "refresh_token", "令牌\u202e"),
                400, "invalid_grant");
        // A NUL character is not text (and no database column could hold it): the request cannot be read.
        assertOAuthError(oauth.token(APP, "grant_type", "refresh_token", "refresh_token", "令牌\u0000\u202e"),
                400, "invalid_request");
        assertTokenResponse(oauth.token(APP, "grant_type", "password", "username", "张伟", "password",
                "密码-pass-ü", "scope", "profile"));
    }

    @Test
    void unknownPathsAndMethodsStayOAuthShaped() {
        Http.Reply reply = Http.send(HttpRequest.newBuilder(URI.create(oauth.url("/oauth2/token")))
                .timeout(Duration.ofSeconds(10)).method("PUT", HttpRequest.BodyPublishers.ofString("x")).build());
        assertClientError(reply);
        assertClientError(Http.send(HttpRequest.newBuilder(URI.create(oauth.url("/oauth2/token")))
                .timeout(Duration.ofSeconds(10)).method("BREW", HttpRequest.BodyPublishers.noBody()).build()));
        assertClientError(Http.get(oauth.url("/oauth2/nothing-here"), null));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
