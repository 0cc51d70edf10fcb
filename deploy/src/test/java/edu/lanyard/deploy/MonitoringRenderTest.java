package edu.lanyard.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chart ships the same dashboard and alerts as the plain files in deploy/grafana and deploy/prometheus: the
 * dashboard ConfigMap for Grafana's sidecar, and the PrometheusRule with the release's own pod selector.
 */
class MonitoringRenderTest {
    static final Path DASHBOARD = Path.of("grafana", "lanyard.json");
    static final Path RULES = Path.of("prometheus", "lanyard-rules.yaml");
    private static final String SELECTOR = "namespace=\"sso\", pod=~\"campus-lanyard-.*\"";

    @Test
    void theDashboardConfigMapCarriesTheSidecarLabelAndTheDashboardFile() throws Exception {
        JsonNode map = RenderedChart.withDefaults().get("ConfigMap", "campus-lanyard-dashboard");
        assertEquals("1", map.at("/metadata/labels/grafana_dashboard").asText());
        assertTrue(map.at("/metadata/namespace").isMissingNode(), "the release's namespace by default");
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.readTree(DASHBOARD.toFile()), json.readTree(map.at("/data/lanyard.json").asText()));
    }

    @Test
    void theDashboardCanMoveToGrafanasNamespaceAndFolderOrBeLeftOut() {
        JsonNode moved = RenderedChart.withSet(Map.of("metrics.grafanaDashboard.namespace", "monitoring",
                "metrics.grafanaDashboard.annotations.grafana_folder", "Lanyard",
                "metrics.grafanaDashboard.labels.grafana_dashboard", "lanyard"))
                .get("ConfigMap", "campus-lanyard-dashboard");
        assertEquals("monitoring", moved.at("/metadata/namespace").asText());
        assertEquals("Lanyard", moved.at("/metadata/annotations/grafana_folder").asText());
        assertEquals("lanyard", moved.at("/metadata/labels/grafana_dashboard").asText());

        RenderedChart without = RenderedChart.withSet(Map.of("metrics.grafanaDashboard.enabled", false));
        assertTrue(without.find("ConfigMap", "campus-lanyard-dashboard").isEmpty());
    }

    @Test
    void thePrometheusRuleIsThePlainRulesFileForThisReleasesPods() throws Exception {
        JsonNode rule = RenderedChart.withSet(Map.of("metrics.prometheusRule.enabled", true))
                .get("PrometheusRule", "campus-lanyard");
        JsonNode plain = RenderedChart.parseYaml(Files.readString(RULES));

        JsonNode groups = rule.at("/spec/groups");
        assertEquals("lanyard-kubernetes", groups.get(0).path("name").asText());
        assertEquals(plain.path("groups").size() + 1, groups.size());
        for (int i = 0; i < plain.path("groups").size(); i++) {
            JsonNode fromFile = plain.path("groups").get(i);
            JsonNode rendered = groups.get(i + 1);
            assertEquals(fromFile.path("name").asText(), rendered.path("name").asText());
            assertEquals(fromFile.path("rules").size(), rendered.path("rules").size());
            for (int r = 0; r < fromFile.path("rules").size(); r++) {
                JsonNode expected = fromFile.path("rules").get(r);
                JsonNode actual = rendered.path("rules").get(r);
                assertEquals(expected.path("alert"), actual.path("alert"));
                assertEquals(expected.path("for"), actual.path("for"));
                assertEquals(expected.path("labels"), actual.path("labels"));
                assertEquals(expected.path("annotations"), actual.path("annotations"), "annotations verbatim");
                assertEquals(expected.path("expr").asText().replace("job=\"lanyard\"", SELECTOR),
                        actual.path("expr").asText(), expected.path("alert").asText());
            }
        }
        String all = groups.toString();
        assertFalse(all.contains("job=\\\"lanyard\\\""), "every selector is the release's: " + all);
        List<String> kubernetes = groups.get(0).path("rules").findValues("expr").stream().map(JsonNode::asText)
                .toList();
        assertTrue(kubernetes.stream().allMatch(expr -> expr.contains("kube_")), "kube-state-metrics only");
    }
}
