package edu.lanyard.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Prometheus's own tool on the alerts and the dashboard: {@code promtool check rules} on the plain rules file and on
 * the rules the chart renders, {@code promtool test rules} on their unit tests, and every dashboard query parsed as
 * PromQL. promtool comes from Debian's {@code prometheus} package, which {@code .ci/run} installs; without it these
 * tests fail, saying so.
 */
class PrometheusRulesTest {
    private static final Path UNIT_TESTS = Path.of("prometheus", "lanyard-rules.test.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private record Run(int exit, String output) {
    }

    private static Path promtool() {
        Optional<Path> found = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "promtool")).filter(Files::isExecutable).findFirst();
        if (found.isEmpty()) {
            fail("promtool is not on the PATH: it comes with Debian's prometheus package"
                    + " (apt-get install --no-install-recommends prometheus; .ci/run installs it when missing)");
        }
        return found.get();
    }

    private static Run promtool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(promtool().toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("promtool did not finish: " + command);
        }
        System.out.println(String.join(" ", command) + "\n" + output.strip());
        return new Run(process.exitValue(), output);
    }

    @Test
    void thePlainRulesFileIsValid() throws Exception {
        Run check = promtool("check", "rules", MonitoringRenderTest.RULES.toString());
        assertEquals(0, check.exit(), check.output());
        assertTrue(check.output().contains("SUCCESS"), check.output());
    }

    /** The check above can fail: a rule with a broken expression does not pass. */
    @Test
    void aBrokenRuleIsRefused(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, """
                groups:
                  - name: broken
                    rules:
                      - alert: Broken
                        expr: sum(rate(lanyard_signins_total[5m]) > 
                """);
        assertNotEquals(0, promtool("check", "rules", broken.toString()).exit());
    }

    @Test
    void theAlertsUnitTestsPass() throws Exception {
        Run test = promtool("test", "rules", UNIT_TESTS.toString());
        assertEquals(0, test.exit(), test.output());
        assertTrue(test.output().contains("SUCCESS"), test.output());
    }

    @Test
    void theRulesTheChartRendersAreValid(@TempDir Path dir) throws Exception {
        JsonNode rule = RenderedChart.withSet(Map.of("metrics.prometheusRule.enabled", true))
                .get("PrometheusRule", "campus-lanyard");
        Path rendered = dir.resolve("chart-rules.yaml");
        ObjectNode file = YAML.createObjectNode();
        file.set("groups", rule.at("/spec/groups"));
        YAML.writeValue(rendered.toFile(), file);

        Run check = promtool("check", "rules", rendered.toString());
        assertEquals(0, check.exit(), check.output());
        int alerts = rule.at("/spec/groups").findValues("alert").size();
        assertTrue(check.output().contains("SUCCESS: " + alerts + " rules found"), check.output());
    }

    /**
     * Each query of each panel, with Grafana's variables given values, is a recording rule of a rules file: promtool
     * parses them all. (Which metrics they read is checked against a real node: launcher's OperatorMetricsTest.)
     */
    @Test
    void everyDashboardQueryIsPromQl(@TempDir Path dir) throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(MonitoringRenderTest.DASHBOARD.toFile());
        ArrayNode rules = YAML.createArrayNode();
        for (JsonNode expr : dashboard.findValues("expr")) {
            String query = expr.asText().replace("$__rate_interval", "5m").replace("$job", ".*");
            assertTrue(!query.contains("$"), "a variable this test does not know: " + query);
            rules.addObject().put("record", "dashboard:query_" + rules.size()).put("expr", query);
        }
        ObjectNode file = YAML.createObjectNode();
        file.putArray("groups").addObject().put("name", "dashboard").set("rules", rules);
        Path queries = dir.resolve("dashboard-queries.yaml");
        YAML.writeValue(queries.toFile(), file);

        Run check = promtool("check", "rules", queries.toString());
        assertEquals(0, check.exit(), check.output());
        assertTrue(rules.size() > 30, "queries: " + rules.size());
    }

    @Test
    void everyPanelSaysWhatItShowsAndUsesTheDataSourceVariable() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(MonitoringRenderTest.DASHBOARD.toFile());
        assertEquals("lanyard", dashboard.path("uid").asText());
        int panels = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            panels++;
            String title = panel.path("title").asText();
            assertTrue(!panel.path("description").asText().isBlank(), title);
            assertEquals("${datasource}", panel.at("/datasource/uid").asText(), title);
            assertTrue(panel.path("targets").size() > 0, title);
            panel.path("targets").forEach(target -> assertTrue(target.path("expr").asText().contains("$job"),
                    title + ": every query keeps to the chosen jobs: " + target.path("expr").asText()));
        }
        System.out.println("dashboard panels: " + panels);
        assertTrue(panels >= 20);
    }
}
