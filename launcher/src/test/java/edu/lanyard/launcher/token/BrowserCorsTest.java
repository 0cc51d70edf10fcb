package edu.lanyard.launcher.token;

import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A single-page application (public client {@code spa}, PKCE) calls the token, userinfo and revocation endpoints from
 * its own origin, the origin of its registered redirect URI; no other origin gets a CORS header.
 */
class BrowserCorsTest {
    private static final String SPA_ORIGIN = "http://127.0.0.1:9997";
    private static final String SPA_CALLBACK = SPA_ORIGIN + "/cb";
    private static final String STRANGER = "https://evil.example";

    private static LanyardTestServer server;

    @BeforeAll
    static void start() {
        server = LanyardTestServer.sharedTokens();
    }

    private static Http.Reply preflight(String path, String origin, String method) {
        return Http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "content-type")
                .timeout(Duration.ofSeconds(20)).build());
    }

    private static Http.Reply post(String path, String origin, String body) {
        return Http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Origin", origin)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(20)).build());
    }

    private static Http.Reply get(String path, String origin, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Origin", origin).GET().timeout(Duration.ofSeconds(20));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return Http.send(request.build());
    }

    private static void assertPreflightAllowed(Http.Reply reply, String origin) {
        assertEquals(204, reply.status(), reply.body());
        assertEquals(origin, reply.header("Access-Control-Allow-Origin"));
        List<String> methods = List.of(reply.header("Access-Control-Allow-Methods").split(",\\s*"));
        assertTrue(methods.contains("POST") && methods.contains("OPTIONS"), methods.toString());
        assertEquals("Authorization, Content-Type", reply.header("Access-Control-Allow-Headers"));
        assertEquals("600", reply.header("Access-Control-Max-Age"));
        assertEquals("Origin", reply.header("Vary"));
        assertNull(reply.header("Access-Control-Allow-Credentials"), "credentials are sent in the request, never cookies");
    }

    private static void assertNoCors(Http.Reply reply) {
        reply.headers().keySet().forEach(name -> assertTrue(!name.toLowerCase().startsWith("access-control-"),
                "no CORS header for an unregistered origin: " + name));
        assertEquals("Origin", reply.header("Vary"), "the answer depends on the origin");
    }

    @Test
    void aRegisteredOriginRedeemsItsCodeUsesAndRevokesTheToken() {
        assertPreflightAllowed(preflight("/oauth2/token", SPA_ORIGIN, "POST"), SPA_ORIGIN);

        BrowserSignIn.Code code = new BrowserSignIn(server.baseUrl())
                .authorize("spa", SPA_CALLBACK, "openid profile", "tess", "tess-pass");
        Http.Reply token = post("/oauth2/token", SPA_ORIGIN, Http.form(Http.fields("grant_type", "authorization_code",
                "client_id", "spa", "code", code.code(), "redirect_uri", SPA_CALLBACK,
                "code_verifier", code.verifier())));
        assertEquals(200, token.status(), token.body());
        assertEquals(SPA_ORIGIN, token.header("Access-Control-Allow-Origin"));
        assertEquals("Origin", token.header("Vary"));
        assertNull(token.header("Access-Control-Allow-Credentials"));
        String accessToken = token.json().getString("access_token");

        assertPreflightAllowed(preflight("/oauth2/userinfo", SPA_ORIGIN, "GET"), SPA_ORIGIN);
        Http.Reply userinfo = get("/oauth2/userinfo", SPA_ORIGIN, "Bearer " + accessToken);
        assertEquals(200, userinfo.status(), userinfo.body());
        assertEquals(SPA_ORIGIN, userinfo.header("Access-Control-Allow-Origin"));
        Http.Reply refused = get("/oauth2/userinfo", SPA_ORIGIN, "Bearer not-a-token");
        assertEquals(401, refused.status());
        assertEquals(SPA_ORIGIN, refused.header("Access-Control-Allow-Origin"), "the app may read why it failed");
        assertTrue(refused.header("Access-Control-Expose-Headers").contains("WWW-Authenticate"));

        assertPreflightAllowed(preflight("/oauth2/revoke", SPA_ORIGIN, "POST"), SPA_ORIGIN);
        Http.Reply revoke = post("/oauth2/revoke", SPA_ORIGIN, Http.form(Http.fields("client_id", "spa",
                "token", accessToken)));
        assertEquals(200, revoke.status(), revoke.body());
        assertEquals(SPA_ORIGIN, revoke.header("Access-Control-Allow-Origin"));
    }

    @Test
    void anUnregisteredOriginGetsNoCorsHeaders() {
        for (String origin : List.of(STRANGER, "http://127.0.0.1:9998", "https://127.0.0.1:9997", "null",
                SPA_ORIGIN + ".evil.example")) {
            Http.Reply preflight = preflight("/oauth2/token", origin, "POST");
            assertEquals(204, preflight.status());
            assertNoCors(preflight);
            Http.Reply token = post("/oauth2/token", origin, Http.form(Http.fields("grant_type", "authorization_code",
                    "client_id", "spa", "code", "not-a-code", "redirect_uri", SPA_CALLBACK,
                    "code_verifier", TokenStrings.random(48))));
            assertEquals(400, token.status(), token.body());
            assertNoCors(token);
            assertNoCors(preflight("/oauth2/userinfo", origin, "GET"));
            assertNoCors(preflight("/oauth2/revoke", origin, "POST"));
        }
    }

    @Test
    void introspectionIsNotForBrowsers() {
        Http.Reply preflight = preflight("/oauth2/introspect", SPA_ORIGIN, "POST");
        assertTrue(preflight.header("Access-Control-Allow-Origin") == null, "resource servers introspect, not apps");
    }

    @Test
    void keysAndDiscoveryArePublicToEveryOrigin() {
        for (String path : List.of("/oauth2/jwks", "/.well-known/openid-configuration")) {
            Http.Reply reply = get(path, STRANGER, null);
            assertEquals(200, reply.status(), path);
            assertEquals("*", reply.header("Access-Control-Allow-Origin"), path);
            assertNull(reply.header("Access-Control-Allow-Credentials"), path);
        }
    }

    @Test
    void dialectTokenAndProfileEndpointsFollowTheSameRule() {
        assertPreflightAllowed(preflight("/sso/oauth2/token", SPA_ORIGIN, "POST"), SPA_ORIGIN);
        assertPreflightAllowed(preflight("/cas/oauth2.0/accessToken", SPA_ORIGIN, "POST"), SPA_ORIGIN);
        assertPreflightAllowed(preflight("/sign/api/oauth/v20/me", SPA_ORIGIN, "GET"), SPA_ORIGIN);
        assertNoCors(preflight("/sso/oauth2/token", STRANGER, "POST"));
        assertNoCors(preflight("/sign/api/oauth/v20/me", STRANGER, "GET"));
    }

    /** Registering a client (an import here) opens its origin on every node, without a restart. */
    @Test
    void aNewlyRegisteredClientsOriginIsAllowedOnceItIsImported() throws Exception {
        String run = java.util.UUID.randomUUID().toString().substring(0, 8);
        String origin = "https://late-" + run + ".example.edu:8443";
        assertNoCors(preflight("/oauth2/token", origin, "POST"));
        Path file = Files.createTempFile("cors-client", ".yaml");
        try {
            Files.writeString(file, """
                    clients:
                      - client_id: late-spa-%s
                        redirect_uris: ["%s/app/callback"]
                        grant_types: [authorization_code]
                        scopes: [openid]
                    """.formatted(run, origin));
            server.importFile(file);
        } finally {
            Files.deleteIfExists(file);
        }
        Polling.until(Duration.ofSeconds(30), "the new client's origin to be allowed", () ->
                origin.equals(preflight("/oauth2/token", origin, "POST").header("Access-Control-Allow-Origin")));
    }
}
