package edu.lanyard.core.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaSecurityConfigTest {
    private static final String SECRET = "s3cr\"et\\pass";

    @TempDir
    Path dir;

    @Test
    void defaultsArePlaintextWithTheBrokersMinInsyncReplicas() {
        LanyardConfig.Kafka kafka = ConfigLoader.load(null, Map.of()).kafka();
        assertEquals("PLAINTEXT", kafka.security().protocol());
        assertFalse(kafka.security().tls());
        assertFalse(kafka.security().usesSasl());
        assertEquals(0, kafka.minInsyncReplicas());
    }

    @Test
    void everySettingHasAnEnvironmentVariable() {
        Map<String, String> env = new HashMap<>();
        env.put("LANYARD_KAFKA_REPLICATION_FACTOR", "3");
        env.put("LANYARD_KAFKA_MIN_INSYNC_REPLICAS", "2");
        env.put("LANYARD_KAFKA_SECURITY_PROTOCOL", "sasl_ssl");
        env.put("LANYARD_KAFKA_SECURITY_TRUSTSTORE_PATH", "/etc/lanyard/kafka/ca.p12");
        env.put("LANYARD_KAFKA_SECURITY_TRUSTSTORE_PASSWORD", "trust-pass");
        env.put("LANYARD_KAFKA_SECURITY_TRUSTSTORE_TYPE", "jks");
        env.put("LANYARD_KAFKA_SECURITY_KEYSTORE_PATH", "/etc/lanyard/kafka/me.p12");
        env.put("LANYARD_KAFKA_SECURITY_KEYSTORE_PASSWORD", "key-pass");
        env.put("LANYARD_KAFKA_SECURITY_SASL_MECHANISM", "SCRAM-SHA-256");
        env.put("LANYARD_KAFKA_SECURITY_SASL_USERNAME", "lanyard");
        env.put("LANYARD_KAFKA_SECURITY_SASL_PASSWORD", SECRET);
        LanyardConfig.Kafka kafka = ConfigLoader.load(null, env).kafka();
        KafkaSecurity security = kafka.security();
        assertEquals(2, kafka.minInsyncReplicas());
        assertEquals("SASL_SSL", security.protocol());
        assertEquals(new KafkaSecurity.Store("/etc/lanyard/kafka/ca.p12", "trust-pass", "JKS"), security.truststore());
        assertEquals(new KafkaSecurity.Store("/etc/lanyard/kafka/me.p12", "key-pass", "PKCS12"), security.keystore());
        assertEquals(new KafkaSecurity.Sasl("SCRAM-SHA-256", "lanyard", SECRET), security.sasl());
        assertFalse(security.toString().contains("trust-pass"), security.toString());
        assertFalse(security.toString().contains("key-pass"), security.toString());
        assertFalse(security.toString().contains(SECRET), security.toString());
    }

    @Test
    void whatAProtocolNeedsIsRequiredNamingTheSetting() {
        assertRefused(Map.of("LANYARD_KAFKA_SECURITY_PROTOCOL", "TLS"), "kafka.security.protocol");
        assertRefused(Map.of("LANYARD_KAFKA_SECURITY_PROTOCOL", "SSL"), "kafka.security.truststore.path");
        assertRefused(Map.of("LANYARD_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "LANYARD_KAFKA_SECURITY_SASL_USERNAME", "lanyard", "LANYARD_KAFKA_SECURITY_SASL_PASSWORD", SECRET),
                "kafka.security.truststore.path");
        assertRefused(Map.of("LANYARD_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT"),
                "kafka.security.sasl.username and kafka.security.sasl.password must be set");
        assertRefused(Map.of("LANYARD_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "LANYARD_KAFKA_SECURITY_SASL_USERNAME", "lanyard"), "kafka.security.sasl.password must be set");
        assertRefused(Map.of("LANYARD_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "LANYARD_KAFKA_SECURITY_SASL_USERNAME", "lanyard", "LANYARD_KAFKA_SECURITY_SASL_PASSWORD", SECRET,
                "LANYARD_KAFKA_SECURITY_SASL_MECHANISM", "GSSAPI"), "kafka.security.sasl.mechanism");
        // settings for another protocol are a mistake, not something to ignore: the connection would be plaintext
        assertRefused(Map.of("LANYARD_KAFKA_SECURITY_TRUSTSTORE_PATH", "/ca.p12"), "kafka.security.truststore.path");
        assertRefused(Map.of("LANYARD_KAFKA_SECURITY_SASL_USERNAME", "lanyard",
                "LANYARD_KAFKA_SECURITY_SASL_PASSWORD", SECRET), "kafka.security.sasl.username");
        assertRefused(Map.of("LANYARD_KAFKA_SECURITY_PROTOCOL", "SSL",
                "LANYARD_KAFKA_SECURITY_TRUSTSTORE_PATH", "/ca.p12", "LANYARD_KAFKA_SECURITY_KEYSTORE_PATH", "/me.p12"),
                "kafka.security.keystore.password");
        assertRefused(Map.of("LANYARD_KAFKA_SECURITY_PROTOCOL", "SSL",
                "LANYARD_KAFKA_SECURITY_TRUSTSTORE_PATH", "/ca.p12", "LANYARD_KAFKA_SECURITY_TRUSTSTORE_TYPE", "P12"),
                "kafka.security.truststore.type");
        assertRefused(Map.of("LANYARD_KAFKA_MIN_INSYNC_REPLICAS", "2"), "kafka.minInsyncReplicas");
    }

    @Test
    void storesThatCannotBeReadAreNamedWhenTheClientsAreBuilt() throws Exception {
        Path missing = dir.resolve("missing.p12");
        KafkaSecurity security = new KafkaSecurity("SSL", new KafkaSecurity.Store(missing.toString(), "pw", null),
                null, null);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                security::requireReadableStores);
        assertEquals("kafka.security.truststore.path: no such file " + missing, refused.getMessage());

        Path truststore = Files.writeString(dir.resolve("ca.p12"), "x");
        Path unreadable = Files.writeString(dir.resolve("me.p12"), "x");
        Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("---------"));
        KafkaSecurity mutual = new KafkaSecurity("SSL", new KafkaSecurity.Store(truststore.toString(), "", null),
                new KafkaSecurity.Store(unreadable.toString(), "pw", null), null);
        if (!Files.isReadable(unreadable)) {   // root reads anything: then only the missing file can be shown
            refused = assertThrows(IllegalArgumentException.class, mutual::requireReadableStores);
            assertTrue(refused.getMessage().startsWith("kafka.security.keystore.path: "), refused.getMessage());
        }
        new KafkaSecurity("SSL", new KafkaSecurity.Store(truststore.toString(), "", null), null, null)
                .requireReadableStores();
    }

    private static void assertRefused(Map<String, String> env, String expected) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(null, env), env.toString());
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
        assertFalse(refused.getMessage().contains(SECRET), refused.getMessage());
    }
}
