package edu.lanyard.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static edu.lanyard.deploy.RenderedChart.container;
import static edu.lanyard.deploy.RenderedChart.env;
import static edu.lanyard.deploy.RenderedChart.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code helm template -f src/test/resources/override-values.yaml}. */
class OverrideValuesRenderTest {
    private static RenderedChart chart;

    @BeforeAll
    static void render() {
        chart = RenderedChart.withValues(Path.of("src/test/resources/override-values.yaml"));
    }

    @Test
    void everyServiceUsesTheOverriddenImage() {
        assertEquals(4, chart.ofKind("Deployment").size());
        for (JsonNode deployment : chart.ofKind("Deployment")) {
            assertEquals("harbor.campus.test/iam/lanyard:2.3.4", container(deployment).path("image").asText());
        }
    }

    @Test
    void dnsNameDiscoveryRunsJavaDirectlyWithTheHeadlessName() {
        for (String service : List.of("token", "authorize", "userinfo", "projection")) {
            JsonNode container = container(chart.deployment(service));
            assertEquals(List.of("java", "-jar", "/app/lanyard.jar", "serve", service, "--config",
                    "/etc/lanyard/lanyard.yaml"), strings(container.path("command")));
            assertEquals("campus-lanyard-hazelcast.sso.svc.cluster.local:5701",
                    env(container, "LANYARD_HAZELCAST_MEMBERS").orElseThrow().path("value").asText());
            assertTrue(env(container, "HAZELCAST_SERVICE_DNS").isEmpty());
        }
    }

    @Test
    void projectionRunsWithoutAServiceOrIngressRoute() {
        JsonNode projection = chart.deployment("projection");
        assertEquals(1, projection.at("/spec/replicas").asInt());
        assertEquals("/health/ready", container(projection).at("/readinessProbe/httpGet/path").asText());
        assertTrue(chart.find("Service", "campus-lanyard-projection").isEmpty());
        assertEquals(4, chart.ofKind("Service").size(), "token, authorize, userinfo and the headless one");
    }

    @Test
    void autoscaledTokenServiceLeavesReplicasToTheAutoscaler() {
        assertTrue(chart.deployment("token").at("/spec/replicas").isMissingNode());
        assertEquals(3, chart.deployment("authorize").at("/spec/replicas").asInt());
        List<JsonNode> autoscalers = chart.ofKind("HorizontalPodAutoscaler");
        assertEquals(1, autoscalers.size());
        JsonNode hpa = autoscalers.get(0);
        assertEquals("autoscaling/v2", hpa.path("apiVersion").asText());
        assertEquals("campus-lanyard-token", hpa.at("/spec/scaleTargetRef/name").asText());
        assertEquals(4, hpa.at("/spec/minReplicas").asInt());
        assertEquals(20, hpa.at("/spec/maxReplicas").asInt());
        assertEquals(60, hpa.at("/spec/metrics/0/resource/target/averageUtilization").asInt());
    }

    @Test
    void existingSecretReplacesTheChartsSecret() {
        assertTrue(chart.ofKind("Secret").isEmpty());
        for (JsonNode deployment : chart.ofKind("Deployment")) {
            JsonNode reference = env(container(deployment), "LANYARD_POSTGRES_PASSWORD").orElseThrow()
                    .at("/valueFrom/secretKeyRef");
            assertEquals("lanyard-managed", reference.path("name").asText());
            assertEquals("pg-pass", reference.path("key").asText());
        }
    }

    @Test
    void disruptionBudgetFollowsTwoBackups() {
        assertEquals(2, chart.get("PodDisruptionBudget", "campus-lanyard").at("/spec/maxUnavailable").asInt());
    }

    @Test
    void ingressServesEveryHostWithTls() {
        JsonNode ingress = chart.get("Ingress", "campus-lanyard");
        assertEquals("nginx", ingress.at("/spec/ingressClassName").asText());
        assertEquals("campus-cert", ingress.at("/spec/tls/0/secretName").asText());
        assertEquals(List.of("login.campus.test", "sso.campus.test"), strings(ingress.at("/spec/tls/0/hosts")));
        assertEquals(List.of("login.campus.test", "sso.campus.test"),
                ingress.at("/spec/rules").findValues("host").stream().map(JsonNode::asText).toList());
        assertEquals(ingress.at("/spec/rules/0/http"), ingress.at("/spec/rules/1/http"), "same routes on each host");
    }

    @Test
    void theManagementPortMovesAndOpensOnlyToTheMonitoringNamespace() {
        for (JsonNode deployment : chart.ofKind("Deployment")) {
            assertEquals("9100", deployment.at("/spec/template/metadata/annotations/prometheus.io~1port").asText());
            JsonNode ports = container(deployment).path("ports");
            assertTrue(ports.findValues("containerPort").stream().anyMatch(p -> p.asInt() == 9100), ports.toString());
        }
        JsonNode management = chart.get("NetworkPolicy", "campus-lanyard").at("/spec/ingress/2");
        assertEquals("management", management.at("/ports/0/port").asText());
        assertEquals("monitoring",
                management.at("/from/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText());
    }
}
