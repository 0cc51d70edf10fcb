package edu.lanyard.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import edu.lanyard.core.config.ConfigLoader;
import edu.lanyard.core.config.KafkaSecurity;
import edu.lanyard.core.config.LanyardConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a rendered pod would actually run with: the ConfigMap's lanyard.yaml and the container's environment, loaded by
 * Lanyard's own {@link ConfigLoader} (which rejects unknown keys in the file), and every {@code LANYARD_*} variable
 * checked against the keys Lanyard knows (it ignores unknown variables silently, so a typo would otherwise pass).
 */
class LanyardSettingsTest {
    /** Read by HazelcastNode straight from the environment, not a configuration key. */
    private static final Set<String> DIRECT_VARIABLES = Set.of("LANYARD_HAZELCAST_BIND");

    @TempDir
    Path work;

    @Test
    void defaultPodsLoadTheConfigurationTheChartMeans() throws IOException {
        RenderedChart chart = RenderedChart.withDefaults();

        for (String service : List.of("token", "authorize", "userinfo")) {
            LanyardConfig config = load(chart, service);
            assertEquals("https://sso.example.edu", config.issuer());
            assertEquals("0.0.0.0", config.http().host());
            assertEquals(8080, config.http().port());
            assertEquals("0.0.0.0", config.management().host());
            assertEquals(9464, config.management().port());
            assertTrue(config.management().enabled());
            assertEquals(false, config.management().metricsOnServicePort(), "/metrics never on the service port");
            assertEquals("postgres.lanyard.svc.cluster.local", config.postgres().host());
            assertEquals("lanyard", config.postgres().user());
            assertEquals(PodEnvironment.secretStandIn("campus-lanyard-secret", "postgres-password"),
                    config.postgres().password());
            assertEquals(false, config.postgres().createDatabase());
            assertEquals("kafka-bootstrap.kafka.svc.cluster.local:9092", config.kafka().bootstrapServers());
            assertEquals(false, config.kafka().embedded());
            assertEquals(3, config.kafka().replicationFactor());
            assertEquals(2, config.kafka().minInsyncReplicas());
            assertEquals(KafkaSecurity.plaintext(), config.kafka().security());
            assertEquals("embedded", config.hazelcast().mode());
            assertEquals(5701, config.hazelcast().port());
            assertEquals(1, config.hazelcast().backupCount());
            assertEquals(LanyardConfig.Durability.KAFKA, config.durability());
            assertTrue(config.http().trustForwardedHeaders(), "client addresses come from the ingress's X-Forwarded-For");
            assertEquals(5, config.login().maxFailuresPerUser(), "the per-user lockout stays");
            assertEquals(5, config.http().shutdownDelaySeconds(), "serving on with readiness 503 after SIGTERM");
            assertEquals(15, config.http().drainTimeoutSeconds());
            assertEquals(25, config.hazelcast().shutdownTimeoutSeconds());
        }
    }

    @Test
    void overriddenPodsLoadTheOverrides() throws IOException {
        RenderedChart chart = RenderedChart.withValues(Path.of("src/test/resources/override-values.yaml"));

        LanyardConfig token = load(chart, "token");
        assertEquals("https://login.campus.test", token.issuer());
        assertEquals(6432, token.postgres().port());
        assertEquals(PodEnvironment.secretStandIn("lanyard-managed", "pg-pass"), token.postgres().password());
        assertEquals("b1.kafka.test:9093,b2.kafka.test:9093,b3.kafka.test:9093", token.kafka().bootstrapServers());
        assertEquals(24, token.kafka().partitions());
        KafkaSecurity kafka = token.kafka().security();
        assertEquals("SASL_SSL", kafka.protocol());
        assertEquals(new KafkaSecurity.Store("/etc/lanyard-kafka/truststore/ca.p12",
                PodEnvironment.secretStandIn("kafka-cluster-ca", "ca.password"), "PKCS12"), kafka.truststore());
        assertEquals(new KafkaSecurity.Store("/etc/lanyard-kafka/keystore/user.p12",
                PodEnvironment.secretStandIn("lanyard-kafka-client-cert", "user.password"), "PKCS12"),
                kafka.keystore());
        assertEquals(new KafkaSecurity.Sasl("SCRAM-SHA-256", "lanyard",
                PodEnvironment.secretStandIn("lanyard-kafka-user", "password")), kafka.sasl());
        assertEquals(9100, token.management().port());
        assertEquals(LanyardConfig.Durability.MEMORY, token.durability());
        assertEquals(7200, token.tokens().accessTokenTtl());
        assertEquals(30, token.tokens().codeTtl(), "extraEnv reaches the pod");
        assertEquals(2, token.hazelcast().backupCount());
        assertEquals(List.of("campus-lanyard-hazelcast.sso.svc.cluster.local:5701"), token.hazelcast().members());
        assertEquals(false, token.dialects().get("cas").enabled());
        assertEquals(true, token.dialects().get("maxkey").enabled(), "merging config keeps the other dialects");

        LanyardConfig projection = load(chart, "projection");
        assertEquals(false, token.projection().enabled(), "the token pods run no projector of their own");
        assertEquals(false, token.admin().enabled(), "nor the operator API");
        assertEquals(PodEnvironment.secretStandIn("lanyard-operators", "tokenHash"), projection.admin().tokenHash());
        assertEquals(PodEnvironment.secretStandIn("lanyard-operators", "user"), projection.admin().user());
        assertEquals(PodEnvironment.secretStandIn("lanyard-operators", "passwordHash"),
                projection.admin().passwordHash());
        LanyardConfig projectionAsToken = new LanyardConfig(projection.issuer(), projection.http(),
                projection.postgres(), projection.kafka(), projection.hazelcast(), projection.durability(),
                projection.tokens(), projection.login(), projection.dialects(), token.projection(), token.admin(),
                projection.rateLimit(), projection.management(), projection.branding(), projection.keys(),
                projection.ldap(), projection.console());
        assertEquals(token, projectionAsToken, "beyond the projector and its operator API, the same settings");
    }

    @Test
    void everyLanyardVariableIsOneLanyardReads() throws IOException {
        Set<String> known = knownVariables();
        for (RenderedChart chart : List.of(RenderedChart.withDefaults(),
                RenderedChart.withValues(Path.of("src/test/resources/override-values.yaml")),
                RenderedChart.withValues(Path.of("src/test/resources/ldap-values.yaml")))) {
            for (JsonNode deployment : chart.ofKind("Deployment")) {
                for (String name : PodEnvironment.of(RenderedChart.container(deployment)).keySet()) {
                    if (name.startsWith("LANYARD_")) {
                        assertTrue(known.contains(name) || DIRECT_VARIABLES.contains(name),
                                () -> name + " is not a Lanyard setting (" + deployment.at("/metadata/name").asText() + ")");
                    }
                }
            }
        }
    }

    /** The check above has teeth: a misspelt key passed through {@code config} is refused by Lanyard at start. */
    @Test
    void aMisspeltConfigKeyIsRefusedByLanyard() throws IOException {
        RenderedChart chart = RenderedChart.withSet(Map.of("config.tokens.accesTokenTtl", 60));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> load(chart, "token"));
        assertTrue(refused.getMessage().contains("accesTokenTtl"), refused.getMessage());
    }

    private LanyardConfig load(RenderedChart chart, String service) throws IOException {
        String yaml = chart.get("ConfigMap", "campus-lanyard-config").at("/data/lanyard.yaml").asText();
        Path file = Files.writeString(work.resolve(service + "-lanyard.yaml"), yaml);
        Map<String, String> environment = PodEnvironment.of(RenderedChart.container(chart.deployment(service)));
        return ConfigLoader.load(file, environment);
    }

    /** LANYARD_ + each leaf key path of the bundled defaults in upper snake case, as ConfigLoader derives them. */
    private static Set<String> knownVariables() throws IOException {
        try (InputStream in = ConfigLoader.class.getResourceAsStream("/lanyard-defaults.yaml")) {
            Set<String> names = new TreeSet<>();
            collect(RenderedChart.parseYaml(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)),
                    "LANYARD", names);
            return names;
        }
    }

    private static void collect(JsonNode node, String prefix, Set<String> names) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = prefix + "_" + field.getKey().replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('-', '_')
                    .toUpperCase(Locale.ROOT);
            if (field.getValue().isObject()) {
                collect(field.getValue(), name, names);
            } else {
                names.add(name);
            }
        }
    }
}
