package edu.lanyard.launcher;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevServerSmokeTest {
    private final LanyardTestServer server = LanyardTestServer.shared();

    @Test
    void readyWhenTheMemberRunsAndEveryDependencyIsReported() {
        Http.Reply ready = Http.get(server.baseUrl() + "/health/ready", null);
        assertEquals(200, ready.status(), ready.body());
        assertEquals("UP", ready.json().getString("status"));
        assertEquals("UP", ready.json().getJsonObject("checks").getString("hazelcast"));
        Http.Reply dependencies = Http.get(server.baseUrl() + "/health/dependencies", null);
        assertEquals(200, dependencies.status(), dependencies.body());
        for (String dependency : new String[] {"kafka", "postgres", "projection"}) {
            assertEquals("UP", dependencies.json().getJsonObject("checks").getString(dependency), dependency);
            assertEquals("UP", ready.json().getJsonObject("dependencies").getString(dependency), dependency);
        }
    }

    @Test
    void clientCredentialsTokenIntrospectsAsActive() {
        String secret = Http.basic("service", "service-secret-0123456789abcdef");
        Http.Reply token = Http.postForm(server.baseUrl() + "/oauth2/token", secret,
                Http.form(Http.fields("grant_type", "client_credentials", "scope", "reports.read")));
        assertEquals(200, token.status(), token.body());
        String accessToken = token.json().getString("access_token");
        Http.Reply introspection = Http.postForm(server.baseUrl() + "/oauth2/introspect", secret,
                Http.form(Http.fields("token", accessToken)));
        assertTrue(introspection.json().getBoolean("active"), introspection.body());
        assertEquals("service", introspection.json().getString("client_id"));
    }

    @Test
    void metricsCountRequestsPerEndpoint() {
        Http.get(server.baseUrl() + "/health/live", null);
        Http.Reply metrics = Http.get(server.managementUrl() + "/metrics", null);
        assertEquals(200, metrics.status());
        assertTrue(metrics.body().contains("lanyard_http_requests_seconds_count{"), metrics.body());
    }
}
