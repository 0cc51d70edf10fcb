package edu.lanyard.cluster.kafka;

import edu.lanyard.core.config.ConfigLoader;
import edu.lanyard.core.config.LanyardConfig;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.security.auth.login.AppConfigurationEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaClientPropertiesTest {
    private static final String AWKWARD_PASSWORD = "pa\"ss\\w;ord= x";

    @TempDir
    Path dir;

    @Test
    void plaintextIsJustTheBrokers() {
        LanyardConfig.Kafka kafka = kafka(Map.of());
        assertEquals(Map.of("bootstrap.servers", "k1:9092,k2:9092", "security.protocol", "PLAINTEXT"),
                KafkaClientProperties.of(kafka, "k1:9092,k2:9092"));
    }

    @Test
    void saslSslWithMutualTlsMapsEverySetting() throws Exception {
        Path truststore = Files.writeString(dir.resolve("ca.p12"), "x");
        Path keystore = Files.writeString(dir.resolve("me.jks"), "x");
        Map<String, String> env = new HashMap<>();
        env.put("LANYARD_KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        env.put("LANYARD_KAFKA_SECURITY_TRUSTSTORE_PATH", truststore.toString());
        env.put("LANYARD_KAFKA_SECURITY_TRUSTSTORE_PASSWORD", "trust-pass");
        env.put("LANYARD_KAFKA_SECURITY_KEYSTORE_PATH", keystore.toString());
        env.put("LANYARD_KAFKA_SECURITY_KEYSTORE_PASSWORD", "key-pass");
        env.put("LANYARD_KAFKA_SECURITY_KEYSTORE_TYPE", "JKS");
        env.put("LANYARD_KAFKA_SECURITY_SASL_MECHANISM", "SCRAM-SHA-256");
        env.put("LANYARD_KAFKA_SECURITY_SASL_USERNAME", "lanyard");
        env.put("LANYARD_KAFKA_SECURITY_SASL_PASSWORD", AWKWARD_PASSWORD);
        Map<String, String> properties = KafkaClientProperties.of(kafka(env), "k1:9093");

        assertEquals("SASL_SSL", properties.get("security.protocol"));
        assertEquals(truststore.toString(), properties.get("ssl.truststore.location"));
        assertEquals("trust-pass", properties.get("ssl.truststore.password"));
        assertEquals("PKCS12", properties.get("ssl.truststore.type"));
        assertEquals(keystore.toString(), properties.get("ssl.keystore.location"));
        assertEquals("key-pass", properties.get("ssl.keystore.password"));
        assertEquals("JKS", properties.get("ssl.keystore.type"));
        assertEquals("SCRAM-SHA-256", properties.get("sasl.mechanism"));
        AppConfigurationEntry login = jaas(properties.get("sasl.jaas.config"));
        assertEquals("org.apache.kafka.common.security.scram.ScramLoginModule", login.getLoginModuleName());
        assertEquals("lanyard", login.getOptions().get("username"));
        assertEquals(AWKWARD_PASSWORD, login.getOptions().get("password"), "the JAAS quoting keeps the password");
        // Every key is one the three client kinds know: a typo would only be logged as "unknown" by Kafka.
        for (String key : properties.keySet()) {
            assertTrue(ProducerConfig.configNames().contains(key) && ConsumerConfig.configNames().contains(key)
                    && AdminClientConfig.configNames().contains(key), key);
        }
    }

    @Test
    void plainMechanismUsesThePlainLoginModuleAndTlsWithoutKeystoreSetsNone() throws Exception {
        Path truststore = Files.writeString(dir.resolve("ca.pem"), "x");
        Map<String, String> properties = KafkaClientProperties.of(kafka(Map.of(
                "LANYARD_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "LANYARD_KAFKA_SECURITY_TRUSTSTORE_PATH", truststore.toString(),
                "LANYARD_KAFKA_SECURITY_TRUSTSTORE_TYPE", "PEM",
                "LANYARD_KAFKA_SECURITY_SASL_MECHANISM", "PLAIN",
                "LANYARD_KAFKA_SECURITY_SASL_USERNAME", "lanyard",
                "LANYARD_KAFKA_SECURITY_SASL_PASSWORD", "pw")), "k1:9093");
        assertEquals("org.apache.kafka.common.security.plain.PlainLoginModule",
                jaas(properties.get("sasl.jaas.config")).getLoginModuleName());
        assertEquals("PEM", properties.get("ssl.truststore.type"));
        assertFalse(properties.containsKey("ssl.truststore.password"), "no password: none is sent");
        assertFalse(properties.containsKey("ssl.keystore.location"));
    }

    @Test
    void aStoreThatIsNotThereStopsTheClientFromBeingBuilt() {
        LanyardConfig.Kafka kafka = kafka(Map.of("LANYARD_KAFKA_SECURITY_PROTOCOL", "SSL",
                "LANYARD_KAFKA_SECURITY_TRUSTSTORE_PATH", dir.resolve("nope.p12").toString(),
                "LANYARD_KAFKA_SECURITY_TRUSTSTORE_PASSWORD", "trust-pass"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> KafkaClientProperties.of(kafka, "k1:9093"));
        assertEquals("kafka.security.truststore.path: no such file " + dir.resolve("nope.p12"), refused.getMessage());
    }

    @Test
    void theEmbeddedDevBrokerIsAlwaysPlaintext() {
        LanyardConfig.Kafka kafka = kafka(Map.of("LANYARD_KAFKA_BOOTSTRAP_SERVERS", "embedded",
                "LANYARD_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "LANYARD_KAFKA_SECURITY_SASL_USERNAME", "lanyard", "LANYARD_KAFKA_SECURITY_SASL_PASSWORD", "pw"));
        assertEquals(Map.of("bootstrap.servers", "127.0.0.1:40000"),
                KafkaClientProperties.of(kafka, "127.0.0.1:40000"));
    }

    private static AppConfigurationEntry jaas(String line) {
        // parsed the way the Kafka client parses it
        var entries = JaasContext.loadClientContext(Map.of("sasl.jaas.config", new Password(line)))
                .configurationEntries();
        assertEquals(1, entries.size());
        return entries.get(0);
    }

    private static LanyardConfig.Kafka kafka(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.putIfAbsent("LANYARD_KAFKA_BOOTSTRAP_SERVERS", "k1:9092");
        return ConfigLoader.load(null, all).kafka();
    }
}
