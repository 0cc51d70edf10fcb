package edu.lanyard.launcher.token;

import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static edu.lanyard.launcher.token.ClientCredentials.APP;
import static edu.lanyard.launcher.token.OAuthAssertions.assertTokenResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /metrics} on the management port: request counts per endpoint and grant, tokens issued, Kafka publish latency. */
class TokenMetricsTest {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

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

    private record Sample(String name, Map<String, String> labels, double value) {
        boolean has(Map<String, String> wanted) {
            return labels.entrySet().containsAll(wanted.entrySet());
        }
    }

    private static List<Sample> scrape() {
        Http.Reply reply = Http.get(server.managementUrl() + "/metrics", null);
        assertEquals(200, reply.status());
        assertTrue(reply.header("Content-Type").startsWith("text/plain"), reply.header("Content-Type"));
        List<Sample> samples = new ArrayList<>();
        for (String line : reply.body().split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (line.startsWith("#") || !m.find()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(4))));
        }
        return samples;
    }

    private static double sum(List<Sample> samples, String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.has(labels)).mapToDouble(Sample::value).sum();
    }

    @Test
    void requestsPerEndpointAndGrantTokensIssuedAndPublishLatency() {
        for (int i = 0; i < 3; i++) {
            oauth.clientCredentialsToken(APP, "reports.read");
        }
        JsonObject user = oauth.passwordGrant(APP, "tess", "tess-pass", "profile");
        assertTokenResponse(oauth.token(APP, "grant_type", "refresh_token", "refresh_token",
                user.getString("refresh_token")));
        oauth.introspect(APP, user.getString("access_token"));
        oauth.revoke(APP, user.getString("access_token"));
        oauth.token(APP, "grant_type", "client_credentials", "scope", "nope");

        List<Sample> samples = scrape();
        String requests = "lanyard_http_requests_seconds_count";
        assertTrue(sum(samples, requests, Map.of("endpoint", "token", "grant", "client_credentials",
                "status", "200")) >= 3, "token requests per grant");
        assertTrue(sum(samples, requests, Map.of("endpoint", "token", "grant", "client_credentials",
                "status", "400")) >= 1, "failed token requests by status");
        assertTrue(sum(samples, requests, Map.of("endpoint", "token", "grant", "password")) >= 1);
        assertTrue(sum(samples, requests, Map.of("endpoint", "token", "grant", "refresh_token")) >= 1);
        assertTrue(sum(samples, requests, Map.of("endpoint", "introspect")) >= 1);
        assertTrue(sum(samples, requests, Map.of("endpoint", "revoke")) >= 1);
        assertTrue(sum(samples, "lanyard_http_requests_seconds_bucket", Map.of("endpoint", "token")) > 0,
                "latency histogram per endpoint");

        String issued = "lanyard_tokens_issued_total";
        assertTrue(sum(samples, issued, Map.of("grant", "client_credentials")) >= 3, "tokens issued per grant");
        assertTrue(sum(samples, issued, Map.of("grant", "password")) >= 1);
        assertTrue(sum(samples, issued, Map.of("grant", "refresh_token")) >= 1);

        assertTrue(sum(samples, "lanyard_kafka_publish_seconds_count", Map.of()) >= 6, "Kafka publish latency");
        assertTrue(sum(samples, "lanyard_kafka_publish_seconds_sum", Map.of()) > 0);
        assertTrue(sum(samples, "lanyard_kafka_publish_seconds_bucket", Map.of()) > 0);
    }

    @Test
    void whatTheClientSendsNeverBecomesALabel() {
        for (int i = 0; i < 5; i++) {
            oauth.token(APP, "grant_type", "made-up-grant-" + i);
            Http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/oauth2/token"))
                    .method("MADE-UP-METHOD-" + i, HttpRequest.BodyPublishers.noBody())
                    .timeout(Duration.ofSeconds(10)).build());
        }
        List<Sample> samples = scrape();
        assertTrue(samples.stream().noneMatch(s -> s.labels().values().stream()
                .anyMatch(v -> v.startsWith("made-up-grant-") || v.startsWith("MADE-UP-METHOD-"))),
                "client input in a metric label: unbounded series");
        assertTrue(sum(samples, "lanyard_http_requests_seconds_count", Map.of("endpoint", "token",
                "grant", "unsupported")) >= 5);
    }
}
