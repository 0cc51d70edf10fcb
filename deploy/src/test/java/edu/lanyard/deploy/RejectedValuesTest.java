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

    private static void assertRefused(Map<String, Object> values, String reason) {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> RenderedChart.withSet(values));
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }
}
