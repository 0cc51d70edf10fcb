package edu.lanyard.launcher.token;

import com.hazelcast.map.IMap;
import edu.lanyard.cluster.store.Removals;
import edu.lanyard.core.store.StoreMaps;
import edu.lanyard.devkit.TestInfrastructure;
import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import edu.lanyard.launcher.Scrape;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import static edu.lanyard.launcher.token.ClientCredentials.APP;
import static edu.lanyard.launcher.token.ClientCredentials.WEBAPP;
import static edu.lanyard.launcher.token.OAuthAssertions.assertOAuthError;
import static edu.lanyard.launcher.token.OAuthAssertions.assertTokenResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Durability mode {@code kafka}: while the broker is down nothing is issued, rotated or revoked that the event log
 * lacks. Clients get 503 temporarily_unavailable with Retry-After, and the hot state is as it was before.
 */
@Tag("fault")
class KafkaOutageTest {
    private static final int CLIENT_CREDENTIALS_REQUESTS = 6;
    private static final String WEBAPP_CB = "http://127.0.0.1:9999/cb";

    private static LanyardTestServer server;
    private static OAuthEndpoints oauth;

    @BeforeAll
    static void start() {
        server = LanyardTestServer.builder().importing("/token-clients.yaml").start();
        oauth = new OAuthEndpoints(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void brokerDownMeans503AndNothingIssuedThatTheLogLacks() {
        JsonObject before = oauth.passwordGrant(APP, "tess", "tess-pass", "openid profile");
        BrowserSignIn.Code code = new BrowserSignIn(server.baseUrl())
                .authorize("webapp", WEBAPP_CB, "openid", "tess", "tess-pass");
        String[] redeem = {"grant_type", "authorization_code", "code", code.code(), "redirect_uri", WEBAPP_CB,
                "code_verifier", code.verifier()};
        IMap<String, String> accessTokens = server.node().infrastructure().hazelcast().getMap(StoreMaps.ACCESS_TOKENS);
        IMap<String, String> refreshTokens = server.node().infrastructure().hazelcast().getMap(StoreMaps.REFRESH_TOKENS);
        long accessBefore = live(accessTokens);
        long refreshBefore = live(refreshTokens);

        List<Supplier<Http.Reply>> window = new ArrayList<>();
        for (int i = 0; i < CLIENT_CREDENTIALS_REQUESTS; i++) {
            window.add(() -> oauth.token(APP, "grant_type", "client_credentials"));
        }
        window.add(() -> oauth.token(APP, "grant_type", "password", "username", "tess", "password", "tess-pass"));
        window.add(() -> oauth.token(APP, "grant_type", "refresh_token", "refresh_token",
                before.getString("refresh_token")));
        window.add(() -> oauth.revoke(APP, before.getString("access_token")));
        window.add(() -> oauth.token(WEBAPP, redeem));

        TestInfrastructure infrastructure = TestInfrastructure.shared();
        List<Http.Reply> replies;
        Scrape beforeOutage = Scrape.of(server);
        Scrape duringOutage;
        infrastructure.stopKafka();
        try {
            replies = sendConcurrently(window);
            duringOutage = Scrape.of(server);
        } finally {
            infrastructure.startKafka();
        }

        List<String> leakedOrIssued = new ArrayList<>();
        int unavailable = 0;
        for (Http.Reply reply : replies) {
            if (reply.status() == 200 && reply.body().contains("access_token")) {
                leakedOrIssued.add(reply.json().getString("access_token"));
                continue;
            }
            assertOAuthError(reply, 503, "temporarily_unavailable");
            assertNotNull(reply.header("Retry-After"), "503 without Retry-After");
            unavailable++;
        }
        assertEquals(window.size(), unavailable, "every state change in the window must have been refused");

        Polling.until(Duration.ofSeconds(10), "rolled-back tokens to leave the store",
                () -> live(accessTokens) == accessBefore && live(refreshTokens) == refreshBefore);
        long leaked = leakedOrIssued.stream().filter(oauth::active).count();
        assertTrue(oauth.active(before.getString("access_token")), "a revocation that was not logged happened");
        assertTrue(oauth.active(before.getString("refresh_token")), "a rotation that was not logged happened");

        long restart = System.nanoTime();
        JsonObject after = Polling.untilPresent(Duration.ofSeconds(60), "issuance to resume after the restart",
                () -> {
                    Http.Reply reply = oauth.token(APP, "grant_type", "client_credentials");
                    return reply.status() == 200 ? reply.json() : null;
                });
        assertTrue(oauth.active(after.getString("access_token")));
        JsonObject rotated = assertTokenResponse(oauth.token(APP, "grant_type", "refresh_token", "refresh_token",
                before.getString("refresh_token")));
        assertTrue(oauth.active(rotated.getString("access_token")));
        assertTrue(oauth.active(assertTokenResponse(oauth.token(WEBAPP, redeem)).getString("access_token")),
                "a code whose redemption failed for the log stays redeemable");

        System.out.printf("kafka outage: requests sent=%d, 503s=%d, succeeded=%d, leaked=%d; "
                        + "issuance resumed %d ms after the broker restart%n", window.size(), unavailable,
                leakedOrIssued.size(), leaked, Duration.ofNanos(System.nanoTime() - restart).toMillis());
        assertEquals(0, leaked);
        assertOutageMetrics(beforeOutage, duringOutage, unavailable);
    }

    /** What an operator's dashboard showed: the 503s, the failed or refused publishes, the gate closed and reopened. */
    private static void assertOutageMetrics(Scrape before, Scrape during, int unavailable) {
        double answered503 = during.sum("lanyard_http_requests_seconds_count", "status", "503")
                - before.sum("lanyard_http_requests_seconds_count", "status", "503");
        double failed = during.sum("lanyard_kafka_publish_seconds_count", "result", "failed")
                - before.sum("lanyard_kafka_publish_seconds_count", "result", "failed");
        double refused = during.sum("lanyard_kafka_publish_refused_total")
                - before.sum("lanyard_kafka_publish_refused_total");
        System.out.printf("kafka outage metrics: 503 answers %.0f, publishes failed %.0f, refused at the gate %.0f,"
                + " gate closed %.0f%n", answered503, failed, refused, during.sum("lanyard_kafka_publish_gate_closed"));
        assertEquals(unavailable, answered503);
        assertTrue(failed >= 1, "a publish waited for the broker and failed");
        assertEquals(unavailable, failed + refused, "one publish per refused request, failed or refused at once");
        assertEquals(0.0, before.sum("lanyard_kafka_publish_gate_closed"));
        assertEquals(1.0, during.sum("lanyard_kafka_publish_gate_closed"), "closed after the failures");
        assertEquals(0.0, Scrape.of(server).sum("lanyard_kafka_publish_gate_closed"), "open again once one got through");
    }

    private static List<Http.Reply> sendConcurrently(List<Supplier<Http.Reply>> requests) {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            List<CompletableFuture<Http.Reply>> sent = requests.stream()
                    .map(request -> CompletableFuture.supplyAsync(request, pool)).toList();
            return sent.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Entries that are tokens, not the marker a removal leaves. */
    private static long live(IMap<String, String> map) {
        return map.values().stream().filter(value -> Removals.live(value) != null).count();
    }
}
