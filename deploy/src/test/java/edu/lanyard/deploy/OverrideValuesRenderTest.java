package edu.lanyard.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

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
        assertEquals(5, chart.ofKind("Service").size(),
                "token, authorize, userinfo, the headless Hazelcast one and the ServiceMonitor's");
    }

    @Test
    void theOperatorApiCredentialsComeFromTheExistingSecretToTheProjectorOnly() {
        JsonNode projector = container(chart.deployment("projection"));
        Map<String, String> keys = Map.of("LANYARD_ADMIN_TOKEN_HASH", "tokenHash", "LANYARD_ADMIN_USER", "user",
                "LANYARD_ADMIN_PASSWORD_HASH", "passwordHash");
        keys.forEach((variable, key) -> {
            JsonNode reference = env(projector, variable).orElseThrow(() -> new AssertionError(variable))
                    .at("/valueFrom/secretKeyRef");
            assertEquals("lanyard-operators", reference.path("name").asText(), variable);
            assertEquals(key, reference.path("key").asText(), variable);
            assertTrue(reference.path("optional").asBoolean(), "the Secret may hold a token hash, a user, or both");
        });
        for (String service : List.of("token", "authorize", "userinfo")) {
            JsonNode container = container(chart.deployment(service));
            keys.keySet().forEach(variable -> assertTrue(env(container, variable).isEmpty(),
                    service + " serves no operator API: " + variable));
        }
        assertTrue(chart.find("Secret", "campus-lanyard-admin").isEmpty(), "the existing Secret replaces the chart's");
    }

    @Test
    void adminHashesInValuesGoIntoTheChartsAdminSecret() {
        String tokenHash = "ab".repeat(32);
        RenderedChart withHashes = RenderedChart.withSet(Map.of("admin.tokenHash", tokenHash,
                "admin.user", "operator", "admin.passwordHash", "pbkdf2-sha256$100000$c2FsdA$aGFzaA"));

        JsonNode secret = withHashes.get("Secret", "campus-lanyard-admin");
        Base64.Decoder base64 = Base64.getDecoder();
        assertEquals(tokenHash, new String(base64.decode(secret.at("/data/tokenHash").asText())));
        assertEquals("operator", new String(base64.decode(secret.at("/data/user").asText())));
        JsonNode projector = container(withHashes.deployment("projection"));
        assertEquals(PodEnvironment.secretStandIn("campus-lanyard-admin", "tokenHash"),
                PodEnvironment.of(projector).get("LANYARD_ADMIN_TOKEN_HASH"));
        assertEquals(PodEnvironment.secretStandIn("campus-lanyard-admin", "passwordHash"),
                PodEnvironment.of(projector).get("LANYARD_ADMIN_PASSWORD_HASH"));
        assertTrue(env(container(withHashes.deployment("token")), "LANYARD_ADMIN_TOKEN_HASH").isEmpty());
    }

    @Test
    void aTokenHashAloneLeavesTheUserKeysOutOfTheSecret() {
        RenderedChart tokenOnly = RenderedChart.withSet(Map.of("admin.tokenHash", "cd".repeat(32)));

        JsonNode data = tokenOnly.get("Secret", "campus-lanyard-admin").path("data");
        List<String> keys = new ArrayList<>();
        data.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("tokenHash"), keys);
    }

    @Test
    void theServiceMonitorScrapesTheManagementPortOfEveryLanyardPod() {
        JsonNode metrics = chart.get("Service", "campus-lanyard-metrics");
        assertEquals("None", metrics.at("/spec/clusterIP").asText(), "no load-balanced address for /metrics");
        assertEquals("management", metrics.at("/spec/ports/0/targetPort").asText());
        assertEquals(9100, metrics.at("/spec/ports/0/port").asInt());
        assertEquals(Map.of("app.kubernetes.io/name", "lanyard", "app.kubernetes.io/instance", "campus"),
                RenderedChart.stringMap(metrics.at("/spec/selector")), "every service's pods");

        JsonNode monitor = chart.get("ServiceMonitor", "campus-lanyard");
        assertEquals("monitoring.coreos.com/v1", monitor.path("apiVersion").asText());
        assertEquals("kube-prometheus-stack", monitor.at("/metadata/labels/release").asText());
        assertEquals("metrics", monitor.at("/spec/selector/matchLabels/app.kubernetes.io~1component").asText());
        assertEquals(List.of("sso"), strings(monitor.at("/spec/namespaceSelector/matchNames")));
        JsonNode endpoint = monitor.at("/spec/endpoints/0");
        assertEquals("management", endpoint.path("port").asText());
        assertEquals("/metrics", endpoint.path("path").asText());
        assertEquals("15s", endpoint.path("interval").asText());
    }

    @Test
    void thePrometheusRuleAlertsOnTheProjectorAndUnreadyPods() {
        JsonNode rule = chart.get("PrometheusRule", "campus-lanyard");
        assertEquals("monitoring.coreos.com/v1", rule.path("apiVersion").asText());
        List<String> alerts = rule.at("/spec/groups/0/rules").findValues("alert").stream().map(JsonNode::asText)
                .toList();
        assertEquals(List.of("LanyardPodNotReady", "LanyardProjectorDown"), alerts);
        String down = rule.at("/spec/groups/0/rules/1/expr").asText();
        assertTrue(down.contains("deployment=\"campus-lanyard-projection\""), down);
        JsonNode lanyard = rule.at("/spec/groups/1");
        assertEquals("lanyard", lanyard.path("name").asText());
        String paused = lanyard.path("rules").findParents("alert").stream()
                .filter(r -> r.path("alert").asText().equals("LanyardProjectorPaused")).findFirst().orElseThrow()
                .path("expr").asText();
        assertEquals("max(lanyard_projection_paused{namespace=\"sso\", pod=~\"campus-lanyard-.*\"}) == 1",
                paused.strip());
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

    @Test
    void kafkaStoresAreMountedFromTheirSecretsAndPasswordsNeverReachTheConfigMap() {
        String configFile = chart.get("ConfigMap", "campus-lanyard-config").at("/data/lanyard.yaml").asText();
        assertTrue(configFile.contains("/etc/lanyard-kafka/truststore/ca.p12"), configFile);
        assertTrue(!configFile.contains("password:"), "no password key at all in the ConfigMap: " + configFile);
        for (String service : List.of("token", "authorize", "userinfo", "projection")) {
            JsonNode pod = chart.deployment(service).at("/spec/template/spec");
            JsonNode container = container(chart.deployment(service));
            Map<String, String> mounts = new java.util.TreeMap<>();
            container.path("volumeMounts").forEach(m -> mounts.put(m.path("name").asText(),
                    m.path("mountPath").asText() + (m.path("readOnly").asBoolean() ? " ro" : " rw")));
            assertEquals("/etc/lanyard-kafka/truststore ro", mounts.get("kafka-truststore"), service);
            assertEquals("/etc/lanyard-kafka/keystore ro", mounts.get("kafka-keystore"), service);
            Map<String, String> secrets = new java.util.TreeMap<>();
            pod.path("volumes").forEach(v -> {
                if (v.has("secret")) {
                    secrets.put(v.path("name").asText(), v.at("/secret/secretName").asText() + ":"
                            + v.at("/secret/items/0/key").asText() + "->" + v.at("/secret/items/0/path").asText());
                }
            });
            assertEquals(Map.of("kafka-truststore", "kafka-cluster-ca:ca.p12->ca.p12",
                    "kafka-keystore", "lanyard-kafka-client-cert:user.p12->user.p12",
                    "keys", "campus-lanyard-keys:master-key->master-key"), secrets, service);
            assertEquals("lanyard-kafka-user", env(container, "LANYARD_KAFKA_SECURITY_SASL_PASSWORD").orElseThrow()
                    .at("/valueFrom/secretKeyRef/name").asText(), service);
        }
    }
}
