package edu.lanyard.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import edu.lanyard.core.config.ConfigLoader;
import edu.lanyard.core.config.LanyardConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where the default Ingress sends real request paths, matched as Kubernetes matches {@code pathType: Prefix}: by whole
 * path elements, longest prefix first.
 */
class IngressRoutingTest {
    private static RenderedChart chart;
    private static List<Route> routes;

    record Route(String prefix, String service) {
        boolean matches(String path) {
            return path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
        }
    }

    @BeforeAll
    static void render() {
        chart = RenderedChart.withDefaults();
        JsonNode ingress = chart.get("Ingress", "campus-lanyard");
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
            "/sign/api/oauth/v20/me, userinfo",
            "/sign/force/logout, authorize",
            "/sign/logout, authorize",
            "/api/sso/logout, authorize",
            "/sign/authz/oauth/v20/introspect, token",
            "/sign/authz/oauth/v20/check_token, token",
            "/maxkey/authz/oauth/v20/jwks, token",
            "/api/sso/authz/oauth/v20/.well-known/openid-configuration, token",
            "/sign/api/connect/v10/userinfo, userinfo",
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
    @ValueSource(strings = {"/metrics", "/health/live", "/health/ready", "/admin/status", "/console/", "/", "/oauth2/tokens",
            "/ssox/oauth2/token", "/index.php", "/.well-known/jwks.json", "/sso/login",
            // MaxKey paths that Lanyard does not serve: routing them would only reach Lanyard's 404
            "/sign/authz/oauth/v20/approval", "/api/sso/oauth2/token", "/api/sso/oauth/v20/token", "/maxkey/authz/oauth/v20/me"})
    void leavesOperationalAndUnknownPathsUnrouted(String path) {
        assertEquals(Optional.empty(), serviceFor(path), path);
    }

    /**
     * The Ingress routes exactly what the application serves: no route ends in the application's 404, no public
     * endpoint is left out, and each goes to the service that mounts it.
     */
    @Test
    void routesExactlyThePathsTheApplicationServes() throws IOException {
        Map<String, String> served = servedBy(chart);
        Map<String, String> routed = routedBy(chart);

        assertEquals(Set.of(), difference(routed, served), "routed by the Ingress, answered 404 by Lanyard");
        assertEquals(Set.of(), difference(served, routed), "served by Lanyard, unreachable through the Ingress");
        assertEquals(served, routed, "each path to the service that serves it");
    }

    /** The comparison above has teeth: a route to a MaxKey path Lanyard never served is caught. */
    @Test
    void aRouteToAPathLanyardDoesNotServeIsCaught() throws IOException {
        Path values = Files.createTempFile("lanyard-routes-", ".yaml");
        RenderedChart withExtra;
        try {
            Files.writeString(values, "ingress: {routes: {token: [/oauth2/token, /sign/authz/oauth/v20/approval]}}");
            withExtra = RenderedChart.withValues(values);
        } finally {
            Files.delete(values);
        }

        assertEquals(Set.of("/sign/authz/oauth/v20/approval"),
                difference(routedBy(withExtra), servedBy(withExtra)));
        assertTrue(difference(servedBy(withExtra), routedBy(withExtra)).contains("/oauth2/revoke"));
    }

    private static Map<String, String> servedBy(RenderedChart rendered) throws IOException {
        Map<String, String> served = new TreeMap<>();
        ServedPaths.of(podConfiguration(rendered, "token"))
                .forEach((path, service) -> served.put(path, "campus-lanyard-" + service));
        return served;
    }

    private static Map<String, String> routedBy(RenderedChart rendered) {
        Map<String, String> routed = new TreeMap<>();
        for (JsonNode path : rendered.get("Ingress", "campus-lanyard").at("/spec/rules/0/http/paths")) {
            routed.put(path.path("path").asText(), path.at("/backend/service/name").asText());
        }
        return routed;
    }

    private static Set<String> difference(Map<String, String> these, Map<String, String> those) {
        Set<String> left = new TreeSet<>(these.keySet());
        left.removeAll(those.keySet());
        return left;
    }

    /** The served paths come from the application: the dialect endpoints and the standard ones are all there. */
    @Test
    void theServedPathsCoverTheStandardAndDialectEndpoints() throws IOException {
        Map<String, String> served = ServedPaths.of(podConfiguration(chart, "token"));

        assertEquals("token", served.get("/.well-known/openid-configuration"));
        assertEquals("authorize", served.get("/assets"));
        assertEquals("userinfo", served.get("/oauth2/userinfo"));
        assertEquals("token", served.get("/sso/oauth2/introspect"));
        assertEquals("authorize", served.get("/sign/force/logout"));
        assertEquals("userinfo", served.get("/cas/oauth2.0/profile"));
        assertEquals("token", served.get("/token.php"));
        assertTrue(served.keySet().stream().noneMatch(p -> p.startsWith("/health") || p.startsWith("/metrics")
                || p.startsWith("/admin")), served.toString());
    }

    private static LanyardConfig podConfiguration(RenderedChart chart, String service) throws IOException {
        String yaml = chart.get("ConfigMap", "campus-lanyard-config").at("/data/lanyard.yaml").asText();
        Path file = Files.createTempFile("lanyard-", ".yaml");
        try {
            Files.writeString(file, yaml);
            return ConfigLoader.load(file, PodEnvironment.of(RenderedChart.container(chart.deployment(service))));
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void noPathIsRoutedTwice() {
        Set<String> seen = new HashSet<>();
        for (Route route : routes) {
            assertTrue(seen.add(route.prefix()), "routed twice: " + route.prefix());
        }
    }
}
