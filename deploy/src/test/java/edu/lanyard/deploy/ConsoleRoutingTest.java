package edu.lanyard.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import edu.lanyard.core.config.ConfigLoader;
import edu.lanyard.core.config.LanyardConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static edu.lanyard.deploy.RenderedChart.container;
import static edu.lanyard.deploy.RenderedChart.env;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code console.enabled}: console pods serving {@code /console}, the projection pod's operator API reachable at
 * {@code /admin}, both through the Ingress beside the sign-in and token endpoints (one origin, as the console
 * needs); off (the default), none of it, and no pod registers the console's client.
 */
class ConsoleRoutingTest {
    private static RenderedChart on;
    private static RenderedChart off;

    @BeforeAll
    static void render() {
        on = RenderedChart.withSet(Map.of("console.enabled", true));
        off = RenderedChart.withDefaults();
    }

    @Test
    void theConsoleAndTheOperatorApiAreRoutedToThePodsThatServeThem() {
        Map<String, String> routed = routes(on);
        assertEquals("campus-lanyard-console", routed.get("/console"));
        assertEquals("campus-lanyard-projection", routed.get("/admin"));
        assertEquals("campus-lanyard-authorize", routed.get("/oauth2/authorize"), "the rest as before");

        JsonNode console = container(on.deployment("console"));
        String command = String.join(" ", RenderedChart.strings(console.path("command")));
        assertTrue(command.contains("exec java -jar /app/lanyard.jar serve console --config"), command);
        assertEquals("false", env(console, "LANYARD_PROJECTION_ENABLED").orElseThrow().path("value").asText(),
                "no projector in a console pod");
        assertEquals("http", console.at("/readinessProbe/httpGet/port").asText(), "it serves traffic");
        for (String service : new String[] {"console", "projection"}) {
            JsonNode svc = on.get("Service", "campus-lanyard-" + service);
            assertEquals("http", svc.at("/spec/ports/0/targetPort").asText());
            assertEquals(on.deployment(service).at("/spec/selector/matchLabels"), svc.at("/spec/selector"),
                    "the Service selects the " + service + " pods");
        }
        assertTrue(config(on).at("/console/enabled").asBoolean(), "every pod registers lanyard-console");
    }

    @Test
    void offByDefaultNothingOfTheConsoleIsThere() {
        Map<String, String> routed = routes(off);
        assertFalse(routed.containsKey("/console") || routed.containsKey("/admin"), routed.toString());
        assertTrue(off.find("Deployment", "campus-lanyard-console").isEmpty());
        assertTrue(off.find("Service", "campus-lanyard-console").isEmpty());
        assertTrue(off.find("Service", "campus-lanyard-projection").isEmpty(), "the projector serves no traffic");
        assertFalse(config(off).at("/console/enabled").asBoolean(true), "no pod registers lanyard-console");
    }

    /** With the console on, the Ingress still routes exactly what the application (so configured) serves. */
    @Test
    void routesExactlyThePathsTheApplicationServesWithTheConsole() throws IOException {
        Map<String, String> served = new TreeMap<>();
        ServedPaths.of(podConfiguration(on)).forEach((path, service) -> served.put(path, "campus-lanyard-" + service));
        assertEquals("campus-lanyard-console", served.get("/console"), "taken from ConsoleService's routes");
        assertEquals(served, routes(on));
    }

    @Test
    void theDirectorySearchGetsTheBindPasswordOnlyWithTheConsole() {
        Map<String, Object> ldap = Map.of("ldap.enabled", true, "ldap.urls[0]", "ldaps://ldap.campus.test",
                "ldap.bindDn", "cn=svc,dc=campus", "ldap.baseDn", "dc=campus", "ldap.bindPassword", "bind-secret-1");
        Map<String, Object> withConsole = new TreeMap<>(ldap);
        withConsole.put("console.enabled", true);
        assertTrue(env(container(RenderedChart.withSet(withConsole).deployment("projection")),
                "LANYARD_LDAP_BIND_PASSWORD").isPresent(), "the operator API searches the directory");
        assertEquals(Optional.empty(), env(container(RenderedChart.withSet(ldap).deployment("projection")),
                "LANYARD_LDAP_BIND_PASSWORD"));
    }

    @Test
    void theConsoleNeedsTheProjectionPod() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> RenderedChart.withSet(
                Map.of("console.enabled", true, "services.projection.enabled", false)));
        assertTrue(refused.getMessage().contains("console.enabled needs services.projection.enabled"),
                refused.getMessage());
    }

    private static Map<String, String> routes(RenderedChart chart) {
        Map<String, String> routed = new TreeMap<>();
        for (JsonNode path : chart.get("Ingress", "campus-lanyard").at("/spec/rules/0/http/paths")) {
            assertEquals(null, routed.put(path.path("path").asText(), path.at("/backend/service/name").asText()),
                    "routed twice: " + path);
        }
        return routed;
    }

    private static JsonNode config(RenderedChart chart) {
        return RenderedChart.parseYaml(chart.get("ConfigMap", "campus-lanyard-config").at("/data/lanyard.yaml")
                .asText());
    }

    private static LanyardConfig podConfiguration(RenderedChart chart) throws IOException {
        String yaml = chart.get("ConfigMap", "campus-lanyard-config").at("/data/lanyard.yaml").asText();
        Path file = Files.createTempFile("lanyard-", ".yaml");
        try {
            Files.writeString(file, yaml);
            return ConfigLoader.load(file, PodEnvironment.of(container(chart.deployment("token"))));
        } finally {
            Files.delete(file);
        }
    }
}
