package edu.lanyard.deploy;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Values that would give a broken or unsafe release fail at {@code helm install} time with a clear message. */
class RejectedValuesTest {

    @Test
    void embeddedKafkaIsRefused() {
        assertRefused(Map.of("kafka.bootstrapServers", "embedded"), "external Kafka");
    }

    @Test
    void aPasswordInTheConfigMapIsRefused() {
        assertRefused(Map.of("config.postgres.password", "hunter2"), "not in config");
    }

    @Test
    void anUnknownDiscoveryModeIsRefused() {
        assertRefused(Map.of("hazelcast.discovery", "multicast"), "hazelcast.discovery");
    }

    @Test
    void anUnknownDurabilityIsRefused() {
        assertRefused(Map.of("durability", "FAST"), "durability");
    }

    @Test
    void aMisspeltServiceIsRefused() {
        assertRefused(Map.of("services.tokne.replicas", 2), "tokne");
    }

    @Test
    void zeroReplicasAreRefused() {
        assertRefused(Map.of("services.token.replicas", 0), "replicas");
    }

    @Test
    void anIssuerIsNeededWhenThereIsNoIngressToDeriveItFrom() {
        assertRefused(Map.of("ingress.enabled", false), "set issuer");
    }

    @Test
    void metricsOnTheServicePortAreRefused() {
        assertRefused(Map.of("management.port", 8080), "management.port must differ");
    }

    @Test
    void anAdminUserWithoutAPasswordHashIsRefused() {
        assertRefused(Map.of("admin.user", "operator"), "admin.user needs admin.passwordHash");
    }

    @Test
    void anAdminPasswordHashWithoutAUserIsRefused() {
        assertRefused(Map.of("admin.passwordHash", "pbkdf2-sha256$1$a$b"), "admin.passwordHash needs admin.user");
    }

    /** The operator token itself in place of its SHA-256: the chart never stores a usable token. */
    @Test
    void anAdminTokenInPlaceOfItsHashIsRefused() {
        assertRefused(Map.of("admin.tokenHash", "my-operator-token"), "tokenHash");
    }

    @Test
    void aMisspeltMetricsSwitchIsRefused() {
        assertRefused(Map.of("metrics.serviceMonitor.enable", true), "enable");
    }

    @Test
    void anUnknownPostgresSslModeIsRefused() {
        assertRefused(Map.of("postgres.sslMode", "verify"), "sslMode");
    }

    @Test
    void verifyFullWithoutARootCertificateIsRefused() {
        assertRefused(Map.of("postgres.sslMode", "verify-full"), "postgres.sslRootCert");
    }

    @Test
    void aRootCertificateFromBothASecretAndAConfigMapIsRefused() {
        assertRefused(Map.of("postgres.sslRootCert.secretName", "pg-ca", "postgres.sslRootCert.configMapName",
                "pg-ca"), "not both");
    }

    @Test
    void aMasterKeyThatIsNot32BytesIsRefused() {
        assertRefused(Map.of("keys.masterKey", "c2hvcnQ="), "32 bytes");
    }

    @Test
    void aMasterKeyAndAnExistingSecretTogetherAreRefused() {
        assertRefused(Map.of("keys.masterKey", KeysAndPostgresTlsRenderTest.KEY, "keys.existingSecret", "mine"),
                "not both");
    }

    /** The ConfigMap is not secret: a master key given as a Lanyard setting there is refused. */
    @Test
    void aMasterKeyInTheConfigMapIsRefused() {
        assertRefused(Map.of("config.keys.masterKey", KeysAndPostgresTlsRenderTest.KEY), "not from config");
    }

    /** SIGKILL would come before a stopping pod has drained and left Hazelcast. */
    @Test
    void aGracePeriodShorterThanTheStopIsRefused() {
        assertRefused(Map.of("shutdown.drainTimeoutSeconds", 40), "terminationGracePeriodSeconds (60) must be at least");
        assertRefused(Map.of("terminationGracePeriodSeconds", 30), "Kubernetes would kill pods");
        assertRefused(Map.of("config.hazelcast.shutdownTimeoutSeconds", 120), "(150)");
    }

    @Test
    void tlsWithoutATruststoreIsRefused() {
        assertRefused(Map.of("kafka.security.protocol", "SSL"), "kafka.security.truststore.secret");
    }

    @Test
    void saslWithoutItsUserIsRefused() {
        assertRefused(Map.of("kafka.security.protocol", "SASL_PLAINTEXT"), "kafka.security.sasl.username");
        assertRefused(Map.of("kafka.security.protocol", "SASL_PLAINTEXT", "kafka.security.sasl.username", "lanyard"),
                "kafka.security.sasl.passwordSecret");
    }

    /** Credentials for a protocol that does not use them: the connection would silently go unprotected. */
    @Test
    void securitySettingsThatTheProtocolIgnoresAreRefused() {
        assertRefused(Map.of("kafka.security.sasl.username", "lanyard"), "does not use SASL");
        assertRefused(Map.of("kafka.security.truststore.secret", "kafka-ca"), "does not use TLS");
    }

    @Test
    void anUnknownKafkaProtocolIsRefused() {
        assertRefused(Map.of("kafka.security.protocol", "TLS"), "protocol");
    }

    @Test
    void aKafkaPasswordInTheConfigMapIsRefused() {
        assertRefused(Map.of("config.kafka.security.sasl.password", "hunter2"), "not in config");
    }

    private static void assertRefused(Map<String, Object> values, String reason) {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> RenderedChart.withSet(values));
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }
}
