package edu.lanyard.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where the default Ingress sends real request paths, matched as Kubernetes matches {@code pathType: Prefix}: by whole
 * path elements, longest prefix first.
 */
class IngressRoutingTest {
    private static List<Route> routes;

    record Route(String prefix, String service) {
        boolean matches(String path) {
            return path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
        }
    }

    @BeforeAll
    static void render() {
        JsonNode ingress = RenderedChart.withDefaults().get("Ingress", "campus-lanyard");
        routes = new ArrayList<>();
        for (JsonNode path : ingress.at("/spec/rules/0/http/paths")) {
            assertEquals("Prefix", path.path("pathType").asText());
            assertEquals("http", path.at("/backend/service/port/name").asText());
            routes.add(new Route(path.path("path").asText(), path.at("/backend/service/name").asText()));
        }
    }

    static Optional<String> serviceFor(String path) {
        return routes.stream().filter(route -> route.matches(path))
                .max((a, b) -> Integer.compare(a.prefix().length(), b.prefix().length()))
                .map(Route::service);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/oauth2/authorize, authorize",
            "/oauth2/login, authorize",
            "/oauth2/consent, authorize",
            "/oauth2/logout, authorize",
            "/assets/login.css, authorize",
            "/oauth2/token, token",
            "/oauth2/introspect, token",
            "/oauth2/revoke, token",
            "/oauth2/jwks, token",
            "/.well-known/openid-configuration, token",
            "/.well-known/oauth-authorization-server, token",
            "/oauth2/userinfo, userinfo",
            "/sso/oauth2/authorize, authorize",
            "/sso/oauth2/token, token",
            "/sso/oauth2/introspect, token",
            "/sso/logout, authorize",
            "/api/sso/authz/oauth/v20/authorize, authorize",
            "/api/sso/authz/oauth/v20/token, token",
            "/api/sso/authz/oauth/v20/me, userinfo",
            "/api/sso/api/oauth/v20/me, userinfo",
            "/sign/authz/oauth/v20/authorize, authorize",
            "/sign/oauth/v20/token, token",
            "/sign/authz/oauth/v20/token, token",
            "/sign/authz/oauth/v20/introspect, token",
            "/sign/api/oauth/v20/me, userinfo",
            "/sign/api/connect/v10/userinfo, userinfo",
            "/sign/force/logout, authorize",
            "/maxkey/oauth/v20/authorize, authorize",
            "/maxkey/oauth/v20/token, token",
            "/maxkey/api/oauth/v20/me, userinfo",
            "/cas/oauth2.0/authorize, authorize",
            "/cas/oauth2.0/accessToken, token",
            "/cas/oauth2.0/token, token",
            "/cas/oauth2.0/profile, userinfo",
            "/cas/logout, authorize",
            "/authorize.php, authorize",
            "/token.php, token",
            "/resource.php, userinfo",
            "/logout.php, authorize",
    })
    void routesEachEndpointToTheServiceThatOwnsIt(String path, String service) {
        assertEquals(Optional.of("campus-lanyard-" + service), serviceFor(path), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/metrics", "/health/live", "/health/ready", "/", "/oauth2/tokens", "/ssox/oauth2/token",
            "/index.php"})
    void leavesOperationalAndUnknownPathsUnrouted(String path) {
        assertEquals(Optional.empty(), serviceFor(path), path);
    }

    @Test
    void noPathIsRoutedTwice() {
        Set<String> seen = new HashSet<>();
        for (Route route : routes) {
            assertTrue(seen.add(route.prefix()), "routed twice: " + route.prefix());
        }
    }
}
