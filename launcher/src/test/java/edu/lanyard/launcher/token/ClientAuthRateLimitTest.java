package edu.lanyard.launcher.token;

import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import edu.lanyard.launcher.TwoNodeCluster;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static edu.lanyard.launcher.token.ClientCredentials.APP;
import static edu.lanyard.launcher.token.ClientCredentials.MACHINE;
import static edu.lanyard.launcher.token.ClientCredentials.OTHER;
import static edu.lanyard.launcher.token.OAuthAssertions.assertNoStoreJson;
import static edu.lanyard.launcher.token.OAuthAssertions.assertOAuthError;
import static edu.lanyard.launcher.token.OAuthAssertions.assertTokenResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client-secret guessing throttle over HTTP, on two nodes that share one Hazelcast cluster: failed client
 * authentications per client_id and per address answer 429 with Retry-After on every node and every mount, while
 * requests with the right secret are never counted. Each test has addresses of its own (the nodes trust
 * X-Forwarded-For here, as behind the ingress), and the window is long, so nothing depends on timing; the end of a
 * window is covered with a movable clock in the common module's ClientAuthThrottleTest.
 */
class ClientAuthRateLimitTest {
    private static final int PER_CLIENT = 4;
    private static final int PER_ADDRESS = 6;
    private static final int WINDOW_SECONDS = 600;
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private static TwoNodeCluster cluster;
    private static LanyardTestServer nodeA;
    private static LanyardTestServer nodeB;

    @BeforeAll
    static void startTwoNodes() {
        cluster = TwoNodeCluster.start("ratelimit", "/token-clients.yaml", Map.of(
                "LANYARD_HTTP_TRUST_FORWARDED_HEADERS", "true",
                "LANYARD_RATE_LIMIT_FAILURES_PER_CLIENT", String.valueOf(PER_CLIENT),
                "LANYARD_RATE_LIMIT_FAILURES_PER_ADDRESS", String.valueOf(PER_ADDRESS),
                "LANYARD_RATE_LIMIT_WINDOW_SECONDS", String.valueOf(WINDOW_SECONDS)));
        nodeA = cluster.nodeA();
        nodeB = cluster.nodeB();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** A documentation address (RFC 5737) no other test uses. */
    private static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "203.0." + (113 + n / 250) + "." + (n % 250 + 1);
    }

    private static Http.Reply post(LanyardTestServer node, String path, String address, String authorization,
                                   String... fields) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", OAuthEndpoints.FORM)
                .header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(OAuthEndpoints.form(fields)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return Http.send(request.build());
    }

    private static Http.Reply clientCredentials(LanyardTestServer node, ClientCredentials client, String address) {
        return post(node, "/oauth2/token", address, client.basic(), "grant_type", "client_credentials");
    }

    /** 429, a whole number of seconds to wait within the window, and no cache may keep it. */
    private static long assertThrottled(Http.Reply reply) {
        assertEquals(429, reply.status(), reply.body());
        String retryAfter = reply.header("Retry-After");
        assertNotNull(retryAfter, "429 without Retry-After");
        long seconds = Long.parseLong(retryAfter);
        assertTrue(seconds >= 1 && seconds <= WINDOW_SECONDS, "Retry-After " + retryAfter);
        assertTrue(reply.header("Cache-Control").contains("no-store"), reply.header("Cache-Control"));
        return seconds;
    }

    @Test
    void afterTheClientsLimitEveryRequestNamingItIs429OnEveryNodeAndAddress() {
        String address = newAddress();
        ClientCredentials wrong = MACHINE.withSecret("guess");
        for (int i = 0; i < PER_CLIENT; i++) {
            LanyardTestServer node = i % 2 == 0 ? nodeA : nodeB;
            assertOAuthError(clientCredentials(node, wrong, address), 401, "invalid_client");
        }
        Http.Reply refused = clientCredentials(nodeA, wrong, address);
        assertThrottled(refused);
        JsonObject body = assertOAuthError(refused, 429, "temporarily_unavailable");
        assertNotNull(body.getString("error_description"));

        assertThrottled(clientCredentials(nodeB, MACHINE, address));
        assertThrottled(clientCredentials(nodeA, MACHINE, newAddress()));
        assertThrottled(post(nodeB, "/oauth2/introspect", newAddress(), MACHINE.basic(), "token", "t"));
        assertTokenResponse(clientCredentials(nodeB, OTHER, address));
    }

    @Test
    void theAddressLimitCoversEveryClientIdItNames() {
        String address = newAddress();
        for (int i = 0; i < PER_ADDRESS; i++) {
            ClientCredentials guess = new ClientCredentials("guess-" + UUID.randomUUID(), "nope");
            assertOAuthError(clientCredentials(i % 2 == 0 ? nodeA : nodeB, guess, address), 401, "invalid_client");
        }
        assertThrottled(clientCredentials(nodeA, APP, address));
        assertThrottled(post(nodeB, "/oauth2/token", address, null, "grant_type", "client_credentials"));
        assertTokenResponse(clientCredentials(nodeB, APP, newAddress()));
    }

    @Test
    void failuresWithoutAnyClientIdCountAgainstTheAddress() {
        String address = newAddress();
        for (int i = 0; i < PER_ADDRESS; i++) {
            Http.Reply reply = i % 2 == 0
                    ? post(nodeA, "/oauth2/token", address, null, "grant_type", "client_credentials")
                    : post(nodeB, "/oauth2/revoke", address, "Basic not-base64!", "token", "t");
            assertOAuthError(reply, 401, "invalid_client");
        }
        assertThrottled(clientCredentials(nodeB, APP, address));
    }

    @Test
    void theRightSecretIsNeverThrottledHoweverOften() {
        String address = newAddress();
        for (int i = 0; i < 3 * PER_ADDRESS; i++) {
            LanyardTestServer node = i % 2 == 0 ? nodeA : nodeB;
            String token = assertTokenResponse(clientCredentials(node, OTHER, address)).getString("access_token");
            assertEquals(true, assertNoStoreJson(post(node, "/oauth2/introspect", address, OTHER.basic(),
                    "token", token), 200).getBoolean("active"));
        }
    }

    /** Each mount renders the refusal as it renders its errors, with the 429 and Retry-After kept. */
    @Test
    void everyMountAnswers429InItsOwnShape() {
        record Mount(String path, String metricEndpoint, boolean basic) {
        }
        List<Mount> mounts = List.of(
                new Mount("/oauth2/token", "token", true),
                new Mount("/oauth2/introspect", "introspect", true),
                new Mount("/oauth2/revoke", "revoke", true),
                new Mount("/sso/oauth2/token", "ketanyun.token", false),
                new Mount("/sso/oauth2/introspect", "ketanyun.introspect", true),
                new Mount("/sign/oauth/v20/token", "maxkey.token", false),
                new Mount("/api/sso/authz/oauth/v20/token", "authz.token", false),
                new Mount("/cas/oauth2.0/accessToken", "cas.token", false),
                new Mount("/token.php", "phpsso.token", false));
        for (Mount mount : mounts) {
            String address = newAddress();
            ClientCredentials ghost = new ClientCredentials("ghost-" + UUID.randomUUID(), "wrong");
            Http.Reply last = null;
            for (int i = 0; i <= PER_CLIENT; i++) {
                last = mount.basic()
                        ? post(nodeA, mount.path(), address, ghost.basic(), "token", "t", "grant_type",
                        "client_credentials")
                        : post(nodeA, mount.path(), address, null, "client_id", ghost.id(), "client_secret",
                        ghost.secret(), "grant_type", "client_credentials");
            }
            assertThrottled(last);
            if (mount.path().startsWith("/cas/")) {
                assertTrue(last.header("Content-Type").startsWith("text/plain"), mount.path());
                assertEquals("error=temporarily_unavailable", last.body(), mount.path());
            } else {
                assertEquals("temporarily_unavailable", last.json().getString("error"), mount.path() + ": "
                        + last.body());
            }
            assertTrue(refusals(nodeA, mount.metricEndpoint(), "client") >= 1, mount.metricEndpoint());
        }
    }

    private static final Pattern SAMPLE = Pattern.compile(
            "^lanyard_rate_limited_total\\{([^}]*)} (\\S+)$", Pattern.MULTILINE);

    /** {@code lanyard_rate_limited_total{endpoint,reason}} as the node's /metrics reports it. */
    private static double refusals(LanyardTestServer node, String endpoint, String reason) {
        Http.Reply metrics = Http.get(node.managementUrl() + "/metrics", null);
        assertEquals(200, metrics.status());
        double total = 0;
        Matcher m = SAMPLE.matcher(metrics.body());
        while (m.find()) {
            if (m.group(1).contains("endpoint=\"" + endpoint + "\"") && m.group(1).contains("reason=\"" + reason
                    + "\"")) {
                total += Double.parseDouble(m.group(2));
            }
        }
        return total;
    }
}
