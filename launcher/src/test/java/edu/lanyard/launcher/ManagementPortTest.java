package edu.lanyard.launcher;

import edu.lanyard.core.config.Management;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /metrics} is served on the management port, never on the service port (unless behind its own token). */
class ManagementPortTest {
    private final LanyardTestServer server = LanyardTestServer.shared();

    @Test
    void theServicePortDoesNotServeMetrics() {
        Http.Reply metrics = Http.get(server.baseUrl() + "/metrics", null);
        assertEquals(404, metrics.status(), metrics.body());
        assertEquals("not_found", metrics.json().getString("error"));
        assertFalse(metrics.body().contains("lanyard_"), "no metric may leak into the 404");
    }

    @Test
    void theManagementPortServesMetricsAndHealth() {
        assertNotEquals(server.config().http().port(), server.node().managementPort());
        Http.get(server.baseUrl() + "/health/live", null);
        Http.Reply metrics = Http.get(server.managementUrl() + "/metrics", null);
        assertEquals(200, metrics.status());
        assertTrue(metrics.header("Content-Type").startsWith("text/plain"), metrics.header("Content-Type"));
        assertTrue(metrics.body().contains("lanyard_http_requests_seconds_count{"), "request metrics");

        Http.Reply live = Http.get(server.managementUrl() + "/health/live", null);
        assertEquals(200, live.status());
        assertEquals("UP", live.json().getString("status"));
        Http.Reply ready = Http.get(server.managementUrl() + "/health/ready", null);
        assertEquals(200, ready.status(), ready.body());
        assertEquals("UP", ready.json().getString("status"));
        assertTrue(ready.json().getJsonObject("dependencies").containsKey("postgres"), ready.body());
    }

    @Test
    void healthStaysOnTheServicePort() {
        assertEquals(200, Http.get(server.baseUrl() + "/health/live", null).status());
        Http.Reply ready = Http.get(server.baseUrl() + "/health/ready", null);
        assertEquals(200, ready.status(), ready.body());
    }

    @Test
    void theManagementPortServesNothingElse() {
        Http.Reply token = Http.postForm(server.managementUrl() + "/oauth2/token", null, "grant_type=password");
        assertEquals(404, token.status(), token.body());
        assertEquals(404, Http.get(server.managementUrl() + "/oauth2/jwks", null).status());
        assertEquals(404, Http.get(server.managementUrl() + "/admin/audit", null).status());
        Http.Reply post = Http.postForm(server.managementUrl() + "/metrics", null, "");
        assertEquals(405, post.status());
        assertEquals("GET", post.header("Allow"));
    }

    /** {@code management.metricsTokenHash}: the service port answers /metrics to that token only. */
    @Test
    void metricsOnTheServicePortNeedTheirToken() throws Exception {
        String token = "scraper-token-0123456789";
        Management settings = new Management(true, "127.0.0.1", 0, sha256Hex(token));
        Vertx vertx = Vertx.vertx();
        try {
            Router router = Router.router(vertx);
            router.get("/metrics").handler(new MetricsAccess(settings, ctx -> ctx.response().end("lanyard_up 1")));
            HttpServer http = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            String url = "http://127.0.0.1:" + http.actualPort() + "/metrics";

            assertEquals("lanyard_up 1", Http.get(url, "Bearer " + token).body());
            for (String refused : new String[]{null, "Bearer wrong", "Bearer " + sha256Hex(token),
                    "Basic " + token, "Bearer"}) {
                Http.Reply reply = Http.get(url, refused);
                assertEquals(404, reply.status(), String.valueOf(refused));
                assertFalse(reply.body().contains("lanyard_up"), String.valueOf(refused));
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static String sha256Hex(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
