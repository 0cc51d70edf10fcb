package edu.lanyard.launcher;

import io.vertx.core.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first two stages of a node's stop, step by step on a node of its own: while it still serves, readiness answers
 * 503 and every answer asks the client to close its connection; then the port refuses new connections while a
 * request received before is still answered. (The whole stop, signal to exit, is in
 * {@code events.RollingRestartTest}.)
 */
class StoppingNodeTest {
    private static final String SERVICE_SECRET = "service-secret-0123456789abcdef";
    private static LanyardTestServer server;

    @BeforeAll
    static void start() {
        server = LanyardTestServer.builder().importing("/events-clients.yaml").start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aStoppingNodeFirstSaysSoThenAnswersWhatItHasBegun() throws Exception {
        // The JDK's client asks for h2c: the answer is HTTP/1.1, where `Connection: close` means something.
        HttpResponse<String> upgraded = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.baseUrl() + "/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_1_1, upgraded.version());
        assertEquals(200, upgraded.statusCode());
        assertEquals(null, Http.get(server.baseUrl() + "/health/ready", null).header("Connection"));

        byte[] body = Http.form(Http.fields("grant_type", "client_credentials", "scope", "reports.read"))
                .getBytes(StandardCharsets.UTF_8);
        RawHttp.InFlight begun = RawHttp.begin(server.baseUrl(), "/oauth2/token",
                "application/x-www-form-urlencoded", body, body.length - 3,
                "Authorization: " + Http.basic("service", SERVICE_SECRET));

        assertTrue(server.node().stopTakingTraffic());
        Http.Reply ready = Http.get(server.baseUrl() + "/health/ready", null);
        assertEquals(503, ready.status(), ready.body());
        assertTrue(ready.json().getJsonObject("checks").getString("serving").startsWith("DOWN: stopping"),
                ready.body());
        assertEquals("close", ready.header("Connection"));
        Http.Reply onManagementPort = Http.get(server.managementUrl() + "/health/ready", null);
        assertEquals(503, onManagementPort.status(), "the probes may use either port");
        assertEquals(200, Http.get(server.baseUrl() + "/health/live", null).status(), "alive: no restart wanted");
        Http.Reply served = Http.postForm(server.baseUrl() + "/oauth2/token", Http.basic("service", SERVICE_SECRET),
                Http.form(Http.fields("grant_type", "client_credentials", "scope", "reports.read")));
        assertEquals(200, served.status(), "still serving until the port closes: " + served.body());
        assertEquals("close", served.header("Connection"));
        assertFalse(server.node().stopTakingTraffic(), "one stop only");

        Future<?> drained = server.node().drainHttp();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (LanyardProcess.acceptsConnections(server.baseUrl())) {
            assertTrue(System.nanoTime() < deadline, "the port still takes connections");
            Thread.sleep(50);
        }
        assertFalse(drained.isComplete(), "the drain waits for the request it has begun");
        Http.Reply answered = begun.finish();
        assertEquals(200, answered.status(), answered.body());
        assertTrue(answered.json().getString("access_token").length() > 20);
        drained.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        System.out.printf("stopping node: readiness %d with Connection: %s; a request begun before the port closed"
                + " answered %d after it closed%n", ready.status(), ready.header("Connection"), answered.status());
    }
}
