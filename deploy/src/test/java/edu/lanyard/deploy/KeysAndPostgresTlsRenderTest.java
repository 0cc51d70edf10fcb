package edu.lanyard.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static edu.lanyard.deploy.RenderedChart.container;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The master key reaches every pod as a read-only file from a Secret; Postgres TLS settings reach the config. */
class KeysAndPostgresTlsRenderTest {
    static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    static final String OLD_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef"
            .getBytes(StandardCharsets.US_ASCII));
    private static final List<String> SERVICES = List.of("token", "authorize", "userinfo", "projection");

    @Test
    void byDefaultEveryPodMountsTheKeysSecretTheOperatorMakes() {
        RenderedChart chart = RenderedChart.withDefaults();
        assertTrue(chart.find("Secret", "campus-lanyard-keys").isEmpty(), "the chart makes no key of its own");
        for (String service : SERVICES) {
            JsonNode pod = chart.deployment(service).at("/spec/template/spec");
            JsonNode keys = volume(pod, "keys");
            assertEquals("campus-lanyard-keys", keys.at("/secret/secretName").asText());
            assertEquals(0440, keys.at("/secret/defaultMode").asInt());
            assertEquals(1, keys.at("/secret/items").size(), keys.toString());
            assertEquals("master-key", keys.at("/secret/items/0/path").asText());
            assertTrue(mountedReadOnly(container(chart.deployment(service)), "keys", "/etc/lanyard/keys"));
        }
        JsonNode config = config(chart);
        assertEquals("/etc/lanyard/keys/master-key", config.at("/keys/masterKeyFile").asText());
        assertEquals("", config.at("/keys/previousMasterKeysFile").asText());
        assertEquals("prefer", config.at("/postgres/sslMode").asText());
        assertEquals("", config.at("/postgres/sslRootCert").asText());
        assertFalse(chart.get("ConfigMap", "campus-lanyard-config").toString().contains("masterKey\""));
    }

    @Test
    void anExistingSecretWithPreviousKeysDuringARotation() {
        RenderedChart chart = RenderedChart.withSet(Map.of("keys.existingSecret", "sso-master-keys",
                "keys.masterKeyKey", "current", "keys.previousMasterKeysKey", "retired"));
        JsonNode keys = volume(chart.deployment("token").at("/spec/template/spec"), "keys");
        assertEquals("sso-master-keys", keys.at("/secret/secretName").asText());
        assertEquals("current", keys.at("/secret/items/0/key").asText());
        assertEquals("retired", keys.at("/secret/items/1/key").asText());
        assertEquals("previous-master-keys", keys.at("/secret/items/1/path").asText());
        assertEquals("/etc/lanyard/keys/previous-master-keys", config(chart).at("/keys/previousMasterKeysFile").asText());
    }

    @Test
    void aChartManagedKeyIsWrittenIntoAKeptSecret() {
        RenderedChart chart = RenderedChart.withSet(Map.of("keys.masterKey", KEY,
                "keys.previousMasterKeys[0]", OLD_KEY));
        JsonNode secret = chart.get("Secret", "campus-lanyard-keys");
        assertEquals("keep", secret.at("/metadata/annotations/helm.sh~1resource-policy").asText());
        assertEquals(KEY, decode(secret.at("/data/master-key").asText()));
        assertEquals(OLD_KEY, decode(secret.at("/data/previous-master-keys").asText()));
        assertEquals("/etc/lanyard/keys/previous-master-keys", config(chart).at("/keys/previousMasterKeysFile").asText());
        assertFalse(chart.get("ConfigMap", "campus-lanyard-config").toString().contains(KEY), "never in the ConfigMap");
    }

    @Test
    void verifyFullWithTheRootCertificateFromAConfigMap() {
        RenderedChart chart = RenderedChart.withSet(Map.of("postgres.sslMode", "verify-full",
                "postgres.sslRootCert.configMapName", "pg-root", "postgres.sslRootCert.key", "root.pem"));
        assertEquals("verify-full", config(chart).at("/postgres/sslMode").asText());
        assertEquals("/etc/lanyard/postgres-ca/root.pem", config(chart).at("/postgres/sslRootCert").asText());
        for (String service : SERVICES) {
            JsonNode ca = volume(chart.deployment(service).at("/spec/template/spec"), "postgres-ca");
            assertEquals("pg-root", ca.at("/configMap/name").asText());
            assertEquals("root.pem", ca.at("/configMap/items/0/key").asText());
            assertTrue(mountedReadOnly(container(chart.deployment(service)), "postgres-ca", "/etc/lanyard/postgres-ca"));
        }
        RenderedChart fromSecret = RenderedChart.withSet(Map.of("postgres.sslMode", "verify-ca",
                "postgres.sslRootCert.secretName", "pg-cluster-ca"));
        assertEquals("pg-cluster-ca", volume(fromSecret.deployment("token").at("/spec/template/spec"), "postgres-ca")
                .at("/secret/secretName").asText());
        assertEquals("/etc/lanyard/postgres-ca/ca.crt", config(fromSecret).at("/postgres/sslRootCert").asText());
    }

    private static JsonNode config(RenderedChart chart) {
        return RenderedChart.parseYaml(chart.get("ConfigMap", "campus-lanyard-config").at("/data/lanyard.yaml")
                .asText());
    }

    private static JsonNode volume(JsonNode pod, String name) {
        for (JsonNode volume : pod.path("volumes")) {
            if (name.equals(volume.path("name").asText())) {
                return volume;
            }
        }
        throw new AssertionError("no volume " + name + " in " + pod.path("volumes"));
    }

    private static boolean mountedReadOnly(JsonNode container, String volume, String path) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if (volume.equals(mount.path("name").asText())) {
                return path.equals(mount.path("mountPath").asText()) && mount.path("readOnly").asBoolean();
            }
        }
        return false;
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.US_ASCII);
    }
}
