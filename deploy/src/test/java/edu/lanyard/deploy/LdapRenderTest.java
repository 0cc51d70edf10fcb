package edu.lanyard.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import edu.lanyard.core.config.ConfigLoader;
import edu.lanyard.core.config.LanyardConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static edu.lanyard.deploy.RenderedChart.container;
import static edu.lanyard.deploy.RenderedChart.env;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Campus directory sign-in through the chart: the ldap: section reaches lanyard.yaml, the bind password reaches only
 * the pods that sign people in and only through a Secret, and the directory's CA is mounted read-only for them.
 */
class LdapRenderTest {
    private static final Path LDAP_VALUES = Path.of("src/test/resources/ldap-values.yaml");
    private static final List<String> SIGN_IN = List.of("token", "authorize");
    private static final List<String> NO_SIGN_IN = List.of("userinfo", "projection");
    private static final String BIND_PASSWORD = "Bind-Pa55word-For-Tests";

    @TempDir
    Path work;

    @Test
    void disabledByDefaultRendersNoDirectory() {
        RenderedChart chart = RenderedChart.withDefaults();

        assertTrue(config(chart).path("ldap").isMissingNode(), "Lanyard's own default (off) applies");
        assertTrue(chart.find("Secret", "campus-lanyard-ldap").isEmpty());
        for (JsonNode deployment : chart.ofKind("Deployment")) {
            JsonNode container = container(deployment);
            for (JsonNode variable : container.path("env")) {
                assertFalse(variable.path("name").asText().startsWith("LANYARD_LDAP_"), variable.toString());
            }
            assertTrue(volume(deployment, "ldap-ca").isEmpty());
        }
        assertEquals(List.of("username", "email", "employeeNumber"),
                RenderedChart.strings(config(chart).at("/login/attributes")));
    }

    @Test
    void theConfigFileHoldsTheDirectorySettings() {
        JsonNode ldap = config(RenderedChart.withValues(LDAP_VALUES)).path("ldap");

        assertTrue(ldap.path("enabled").asBoolean());
        assertEquals(List.of("ldap://ldap1.campus.test:389", "ldap://ldap2.campus.test:389"),
                RenderedChart.strings(ldap.path("urls")));
        assertTrue(ldap.path("startTls").asBoolean());
        assertEquals("/etc/lanyard/ldap-ca/campus-ca.pem", ldap.path("caFile").asText());
        assertEquals("cn=lanyard,ou=services,dc=campus,dc=test", ldap.path("bindDn").asText());
        assertEquals("ou=people,dc=campus,dc=test", ldap.path("baseDn").asText());
        assertEquals(List.of("uid", "mail", "employeeNumber"), RenderedChart.strings(ldap.path("loginAttributes")));
        assertEquals("(&(objectClass=inetOrgPerson)(!(ou=alumni)))", ldap.path("userFilter").asText());
        assertEquals(Map.of("uid", "username", "cn", "name", "mail", "email", "givenName", "given_name",
                "departmentNumber", "department"), RenderedChart.stringMap(ldap.path("attributes")));
        assertEquals("ou=groups,dc=campus,dc=test", ldap.at("/groups/searchBase").asText());
        assertEquals("(&(objectClass=groupOfNames)(member={dn}))", ldap.at("/groups/searchFilter").asText());
        assertEquals(3, ldap.at("/groups/nestedDepth").asInt());
        assertFalse(ldap.path("activeDirectory").asBoolean());
        assertEquals(300, ldap.path("profileCacheSeconds").asInt());
        assertFalse(ldap.has("bindPassword"), "the password is never in the ConfigMap");
    }

    /** What the pods would run with, loaded and checked by Lanyard's own configuration loader. */
    @Test
    void signInPodsLoadTheDirectoryWithThePasswordFromTheSecret() throws IOException {
        RenderedChart chart = RenderedChart.withValues(LDAP_VALUES);

        for (String service : SIGN_IN) {
            LanyardConfig config = load(chart, service);
            assertTrue(config.ldap().enabled(), service);
            assertEquals(PodEnvironment.secretStandIn("campus-directory", "bind-password"),
                    config.ldap().bindPassword(), service);
            assertEquals("/etc/lanyard/ldap-ca/campus-ca.pem", config.ldap().caFile());
            assertEquals(List.of("username", "email", "studentId"), config.login().attributes());
            JsonNode ca = volume(chart.deployment(service), "ldap-ca").orElseThrow();
            assertEquals("campus-ca", ca.at("/secret/secretName").asText());
            assertEquals("campus-ca.pem", ca.at("/secret/items/0/key").asText());
            assertTrue(mountedReadOnly(container(chart.deployment(service)), "ldap-ca", "/etc/lanyard/ldap-ca"));
        }
        for (String service : NO_SIGN_IN) {
            LanyardConfig config = load(chart, service);
            assertFalse(config.ldap().enabled(), service + " signs no one in: no directory connections");
            assertTrue(env(container(chart.deployment(service)), "LANYARD_LDAP_BIND_PASSWORD").isEmpty(), service);
            assertTrue(volume(chart.deployment(service), "ldap-ca").isEmpty(), service);
            assertEquals(List.of("username", "email", "studentId"), config.login().attributes(),
                    "login names are the same setting everywhere");
        }
    }

    @Test
    void aChartManagedPasswordIsOnlyInTheChartsSecret() {
        RenderedChart chart = RenderedChart.withSet(Map.of("ldap.enabled", true,
                "ldap.urls[0]", "ldaps://dc1.campus.test:636", "ldap.bindDn", "CN=svc-lanyard,DC=campus,DC=test",
                "ldap.baseDn", "DC=campus,DC=test", "ldap.bindPassword", BIND_PASSWORD,
                "ldap.activeDirectory", true));

        JsonNode secret = chart.get("Secret", "campus-lanyard-ldap");
        assertEquals(BIND_PASSWORD, new String(Base64.getDecoder().decode(
                secret.at("/data/ldap-bind-password").asText()), StandardCharsets.UTF_8));
        String encoded = Base64.getEncoder().encodeToString(BIND_PASSWORD.getBytes(StandardCharsets.UTF_8));
        for (JsonNode object : chart.all()) {
            if (object != secret) {
                assertFalse(object.toString().contains(BIND_PASSWORD), object.at("/metadata/name").asText());
                assertFalse(object.toString().contains(encoded), object.at("/metadata/name").asText());
            }
        }
        for (String service : SIGN_IN) {
            JsonNode reference = env(container(chart.deployment(service)), "LANYARD_LDAP_BIND_PASSWORD")
                    .orElseThrow().at("/valueFrom/secretKeyRef");
            assertEquals("campus-lanyard-ldap", reference.path("name").asText());
            assertEquals("ldap-bind-password", reference.path("key").asText());
        }
        assertTrue(config(chart).at("/ldap/activeDirectory").asBoolean());
        assertEquals("", config(chart).at("/ldap/caFile").asText(), "no CA configured: the JVM's");
    }

    @Test
    void theCaMayComeFromAConfigMap() {
        RenderedChart chart = RenderedChart.withSet(Map.of("ldap.enabled", true,
                "ldap.urls[0]", "ldaps://ldap.campus.test", "ldap.userDnTemplate", "uid={login},ou=people,dc=campus",
                "ldap.caCert.configMapName", "campus-trust"));

        for (String service : SIGN_IN) {
            JsonNode ca = volume(chart.deployment(service), "ldap-ca").orElseThrow();
            assertEquals("campus-trust", ca.at("/configMap/name").asText());
            assertEquals("ca.crt", ca.at("/configMap/items/0/path").asText());
            assertTrue(mountedReadOnly(container(chart.deployment(service)), "ldap-ca", "/etc/lanyard/ldap-ca"));
            assertTrue(env(container(chart.deployment(service)), "LANYARD_LDAP_BIND_PASSWORD").isEmpty(),
                    "binding directly as the person needs no service account");
        }
        assertEquals("/etc/lanyard/ldap-ca/ca.crt", config(chart).at("/ldap/caFile").asText());
    }

    @Test
    void loginAttributesAreAValue() {
        RenderedChart chart = RenderedChart.withSet(Map.of("login.attributes[0]", "username",
                "login.attributes[1]", "phone"));

        assertEquals(List.of("username", "phone"), RenderedChart.strings(config(chart).at("/login/attributes")));
    }

    @Test
    void directorySettingsThatCannotWorkAreRefused() {
        assertRefused(Map.of("ldap.enabled", true), "ldap.urls");
        assertRefused(Map.of("ldap.enabled", true, "ldap.urls[0]", "ldap://ldap.campus.test",
                "ldap.bindDn", "cn=lanyard,dc=campus"), "ldap.bindDn needs the service account's password");
        assertRefused(Map.of("ldap.bindPassword", BIND_PASSWORD, "ldap.existingSecret", "mine"), "not both");
        assertRefused(Map.of("ldap.caCert.secretName", "a", "ldap.caCert.configMapName", "b"), "not both");
        assertRefused(Map.of("ldap.urls[0]", "http://ldap.campus.test"), "urls");
        assertRefused(Map.of("ldap.enable", true), "enable");
    }

    /** The ConfigMap is not secret: the bind password passed as a plain Lanyard setting is refused. */
    @Test
    void aBindPasswordInTheConfigMapIsRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> RenderedChart.withSet(Map.of("config.ldap.bindPassword", BIND_PASSWORD)));
        assertTrue(refused.getMessage().contains("not in config"), refused.getMessage());
        assertFalse(refused.getMessage().contains(BIND_PASSWORD), "the refusal never repeats the password");
    }

    private static void assertRefused(Map<String, Object> values, String reason) {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> RenderedChart.withSet(values));
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }

    private LanyardConfig load(RenderedChart chart, String service) throws IOException {
        Path file = Files.writeString(work.resolve(service + "-lanyard.yaml"),
                chart.get("ConfigMap", "campus-lanyard-config").at("/data/lanyard.yaml").asText());
        return ConfigLoader.load(file, PodEnvironment.of(container(chart.deployment(service))));
    }

    private static JsonNode config(RenderedChart chart) {
        return RenderedChart.parseYaml(chart.get("ConfigMap", "campus-lanyard-config").at("/data/lanyard.yaml")
                .asText());
    }

    private static Optional<JsonNode> volume(JsonNode deployment, String name) {
        for (JsonNode volume : deployment.at("/spec/template/spec/volumes")) {
            if (name.equals(volume.path("name").asText())) {
                return Optional.of(volume);
            }
        }
        return Optional.empty();
    }

    private static boolean mountedReadOnly(JsonNode container, String volume, String path) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if (volume.equals(mount.path("name").asText())) {
                return path.equals(mount.path("mountPath").asText()) && mount.path("readOnly").asBoolean();
            }
        }
        return false;
    }
}
