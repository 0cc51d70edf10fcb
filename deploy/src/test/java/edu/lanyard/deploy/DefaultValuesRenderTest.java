package edu.lanyard.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static edu.lanyard.deploy.RenderedChart.container;
import static edu.lanyard.deploy.RenderedChart.env;
import static edu.lanyard.deploy.RenderedChart.stringMap;
import static edu.lanyard.deploy.RenderedChart.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code helm template} with the chart's own values.yaml. */
class DefaultValuesRenderTest {
    private static final List<String> HTTP_SERVICES = List.of("token", "authorize", "userinfo");
    private static RenderedChart chart;

    @BeforeAll
    static void render() {
        chart = RenderedChart.withDefaults();
    }

    @Test
    void rendersExactlyTheExpectedObjects() {
        Map<String, Integer> kinds = new TreeMap<>();
        chart.all().forEach(o -> kinds.merge(o.path("kind").asText(), 1, Integer::sum));

        assertEquals(Map.of("ConfigMap", 2, "Deployment", 4, "Ingress", 1, "NetworkPolicy", 1,
                "PodDisruptionBudget", 1, "Secret", 1, "Service", 4, "ServiceAccount", 1), kinds);
        HTTP_SERVICES.forEach(chart::deployment);
        chart.deployment("projection");
    }

    @Test
    void theProjectorRunsInItsOwnDeploymentWithOneReplica() {
        JsonNode projection = chart.deployment("projection");
        assertEquals(1, projection.at("/spec/replicas").asInt(), "one consumer group: more replicas only share it");
        JsonNode container = container(projection);
        List<String> command = strings(container.path("command"));
        String script = command.get(2).strip();
        assertEquals("exec java -jar /app/lanyard.jar serve projection --config /etc/lanyard/lanyard.yaml",
                script.substring(script.lastIndexOf('\n') + 1));
        assertEquals("500m", container.at("/resources/requests/cpu").asText());
        assertEquals("1Gi", container.at("/resources/limits/memory").asText());
        assertTrue(env(container, "LANYARD_PROJECTION_ENABLED").isEmpty(), "`serve projection` always projects");
        assertTrue(chart.find("Service", "campus-lanyard-projection").isEmpty(), "it serves no client traffic");
    }

    @Test
    void theProjectorIsProbedOnTheManagementPort() {
        JsonNode container = container(chart.deployment("projection"));
        assertEquals("/health/live", container.at("/startupProbe/httpGet/path").asText());
        assertEquals("/health/live", container.at("/livenessProbe/httpGet/path").asText());
        assertEquals("/health/ready", container.at("/readinessProbe/httpGet/path").asText());
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertEquals("management", container.at("/" + probe + "/httpGet/port").asText(), probe);
        }
        assertEquals(9464, port(container, "management"));
    }

    @Test
    void theHttpServicesRunNoProjectorOfTheirOwn() {
        for (String service : HTTP_SERVICES) {
            JsonNode variable = env(container(chart.deployment(service)), "LANYARD_PROJECTION_ENABLED").orElseThrow();
            assertEquals("false", variable.path("value").asText(), service);
        }
    }

    @Test
    void withoutAdminCredentialsNoPodGetsAdminVariablesAndNoAdminSecretRenders() {
        assertTrue(chart.find("Secret", "campus-lanyard-admin").isEmpty());
        for (JsonNode deployment : chart.ofKind("Deployment")) {
            for (String name : List.of("LANYARD_ADMIN_TOKEN_HASH", "LANYARD_ADMIN_USER", "LANYARD_ADMIN_PASSWORD_HASH")) {
                assertTrue(env(container(deployment), name).isEmpty(), name);
            }
        }
    }

    @Test
    void prometheusOperatorObjectsAreOffByDefault() {
        assertTrue(chart.ofKind("ServiceMonitor").isEmpty());
        assertTrue(chart.ofKind("PrometheusRule").isEmpty());
    }

    @Test
    void everyServiceRunsTheOneImageWithItsOwnServeCommand() {
        for (String service : HTTP_SERVICES) {
            JsonNode container = container(chart.deployment(service));
            assertEquals("registry.example.edu/lanyard/lanyard:0.1.0", container.path("image").asText());
            List<String> command = strings(container.path("command"));
            assertEquals(List.of("/bin/sh", "-c"), command.subList(0, 2), service);
            String script = command.get(2).strip();
            String lastLine = script.substring(script.lastIndexOf('\n') + 1);
            assertEquals("exec java -jar /app/lanyard.jar serve " + service + " --config /etc/lanyard/lanyard.yaml",
                    lastLine, service);
        }
    }

    @Test
    void replicasAndResourcesComeFromValues() {
        assertEquals(3, chart.deployment("token").at("/spec/replicas").asInt());
        assertEquals(3, chart.deployment("authorize").at("/spec/replicas").asInt());
        assertEquals(2, chart.deployment("userinfo").at("/spec/replicas").asInt());
        JsonNode resources = container(chart.deployment("token")).path("resources");
        assertEquals("1", resources.at("/requests/cpu").asText());
        assertEquals("1536Mi", resources.at("/limits/memory").asText());
        assertEquals(0, chart.deployment("token").at("/spec/strategy/rollingUpdate/maxUnavailable").asInt());
    }

    @Test
    void probesHitTheHealthEndpointsOnTheHttpPort() {
        for (String service : HTTP_SERVICES) {
            JsonNode container = container(chart.deployment(service));
            assertEquals("/health/live", container.at("/livenessProbe/httpGet/path").asText());
            assertEquals("/health/ready", container.at("/readinessProbe/httpGet/path").asText());
            assertEquals("/health/live", container.at("/startupProbe/httpGet/path").asText());
            assertEquals("http", container.at("/readinessProbe/httpGet/port").asText());
            assertEquals(8080, port(container, "http"));
            assertEquals(5701, port(container, "hazelcast"));
            assertEquals(9464, port(container, "management"));
        }
    }

    @Test
    void prometheusScrapesTheManagementPortNotTheServicePort() {
        for (String service : HTTP_SERVICES) {
            JsonNode annotations = chart.deployment(service).at("/spec/template/metadata/annotations");
            assertEquals("true", annotations.path("prometheus.io/scrape").asText());
            assertEquals("9464", annotations.path("prometheus.io/port").asText());
            assertEquals("/metrics", annotations.path("prometheus.io/path").asText());
            assertFalse(annotations.path("checksum/config").asText().isEmpty(), "a config change must roll the pods");
            JsonNode container = container(chart.deployment(service));
            assertEquals("0.0.0.0", env(container, "LANYARD_MANAGEMENT_HOST").orElseThrow().path("value").asText(),
                    "the scraper is on another pod");
        }
    }

    @Test
    void theManagementPortIsInNoService() {
        for (JsonNode service : chart.ofKind("Service")) {
            for (JsonNode port : service.at("/spec/ports")) {
                assertFalse(port.path("targetPort").asText().equals("management") || port.path("port").asInt() == 9464
                        || port.path("targetPort").asInt() == 9464, service.at("/metadata/name").asText());
            }
        }
    }

    @Test
    void podsBindHttpAndHazelcastToTheirOwnAddresses() {
        JsonNode container = container(chart.deployment("token"));
        assertEquals("status.podIP", env(container, "POD_IP").orElseThrow().at("/valueFrom/fieldRef/fieldPath").asText());
        assertEquals("0.0.0.0", env(container, "LANYARD_HTTP_HOST").orElseThrow().path("value").asText());
        assertEquals("$(POD_IP)", env(container, "LANYARD_HAZELCAST_BIND").orElseThrow().path("value").asText());
        assertEquals("campus-lanyard-hazelcast.sso.svc.cluster.local",
                env(container, "HAZELCAST_SERVICE_DNS").orElseThrow().path("value").asText());
        assertTrue(env(container, "JAVA_TOOL_OPTIONS").orElseThrow().path("value").asText()
                .contains("-Dorg.slf4j.simpleLogger.log.com.hazelcast.internal.cluster.ClusterService=info"),
                "the member list must reach the logs");
        JsonNode password = env(container, "LANYARD_POSTGRES_PASSWORD").orElseThrow();
        assertEquals("campus-lanyard-secret", password.at("/valueFrom/secretKeyRef/name").asText());
        assertEquals("postgres-password", password.at("/valueFrom/secretKeyRef/key").asText());
    }

    @Test
    void podsRunAsNonRootOnAReadOnlyRootFilesystem() {
        for (String service : HTTP_SERVICES) {
            JsonNode pod = chart.deployment(service).at("/spec/template/spec");
            assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean());
            assertEquals(10001, pod.at("/securityContext/runAsUser").asInt());
            JsonNode container = container(chart.deployment(service));
            assertTrue(container.at("/securityContext/readOnlyRootFilesystem").asBoolean());
            assertFalse(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true));
            assertEquals(List.of("ALL"), strings(container.at("/securityContext/capabilities/drop")));
            List<String> mounts = container.path("volumeMounts").findValues("mountPath").stream()
                    .map(JsonNode::asText).toList();
            assertEquals(List.of("/etc/lanyard", "/tmp", "/etc/lanyard/keys"), mounts);
        }
    }

    @Test
    void headlessServiceListsEveryMemberReadyOrNot() {
        JsonNode headless = chart.get("Service", "campus-lanyard-hazelcast");
        assertEquals("None", headless.at("/spec/clusterIP").asText());
        assertTrue(headless.at("/spec/publishNotReadyAddresses").asBoolean());
        assertEquals(Map.of("app.kubernetes.io/name", "lanyard", "app.kubernetes.io/instance", "campus"),
                stringMap(headless.at("/spec/selector")), "every service's pods, not one component's");
        assertEquals(5701, headless.at("/spec/ports/0/port").asInt());
    }

    @Test
    void eachHttpServiceSelectsOnlyItsOwnPods() {
        for (String service : HTTP_SERVICES) {
            JsonNode svc = chart.get("Service", "campus-lanyard-" + service);
            assertEquals(service, svc.at("/spec/selector/app.kubernetes.io~1component").asText());
            assertEquals("http", svc.at("/spec/ports/0/targetPort").asText());
        }
    }

    @Test
    void disruptionBudgetCoversAllMembersAndFollowsTheBackupCount() {
        JsonNode pdb = chart.get("PodDisruptionBudget", "campus-lanyard");
        assertEquals(1, pdb.at("/spec/maxUnavailable").asInt());
        assertTrue(pdb.at("/spec/selector/matchLabels/app.kubernetes.io~1component").isMissingNode(),
                "one budget over every service's pods");
    }

    @Test
    void secretHoldsThePostgresPasswordKey() {
        JsonNode secret = chart.get("Secret", "campus-lanyard-secret");
        assertTrue(secret.at("/data").has("postgres-password"));
    }

    @Test
    void hazelcastPortIsOnlyOpenToLanyardPods() {
        JsonNode rules = chart.get("NetworkPolicy", "campus-lanyard").at("/spec/ingress");
        assertEquals(3, rules.size());
        assertEquals("http", rules.get(0).at("/ports/0/port").asText());
        assertTrue(rules.get(0).path("from").isMissingNode(), "HTTP from anywhere");
        assertEquals("hazelcast", rules.get(1).at("/ports/0/port").asText());
        assertEquals("campus", rules.get(1).at("/from/0/podSelector/matchLabels/app.kubernetes.io~1instance").asText());
        assertEquals("management", rules.get(2).at("/ports/0/port").asText());
        assertTrue(rules.get(2).path("from").isMissingNode(), "no allowFrom set: the scraper may be anywhere");
    }

    private static int port(JsonNode container, String name) {
        for (JsonNode port : container.path("ports")) {
            if (name.equals(port.path("name").asText())) {
                return port.path("containerPort").asInt();
            }
        }
        throw new AssertionError("no port " + name + " in " + container.path("ports"));
    }
}
