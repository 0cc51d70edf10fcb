package edu.lanyard.core.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How long a stopping node serves on, drains, and waits for Hazelcast: defaults and refusals. */
class ShutdownSettingsTest {

    @Test
    void defaultsStopADevServerAtOnceAndBoundEveryWait() {
        LanyardConfig config = ConfigLoader.load(null, Map.of());
        assertEquals(0, config.http().shutdownDelaySeconds(), "Ctrl-C on `lanyard dev` does not wait for a load balancer");
        assertEquals(20, config.http().drainTimeoutSeconds());
        assertEquals(30, config.hazelcast().shutdownTimeoutSeconds());
    }

    @Test
    void theEnvironmentSetsThem() {
        LanyardConfig config = ConfigLoader.load(null, Map.of("LANYARD_HTTP_SHUTDOWN_DELAY_SECONDS", "5",
                "LANYARD_HTTP_DRAIN_TIMEOUT_SECONDS", "15", "LANYARD_HAZELCAST_SHUTDOWN_TIMEOUT_SECONDS", "25"));
        assertEquals(5, config.http().shutdownDelaySeconds());
        assertEquals(15, config.http().drainTimeoutSeconds());
        assertEquals(25, config.hazelcast().shutdownTimeoutSeconds());
    }

    @Test
    void aNegativeOrZeroWaitIsRefusedNamingTheSetting() {
        for (var refused : Map.of("LANYARD_HTTP_SHUTDOWN_DELAY_SECONDS", "-1",
                "LANYARD_HTTP_DRAIN_TIMEOUT_SECONDS", "-5",
                "LANYARD_HAZELCAST_SHUTDOWN_TIMEOUT_SECONDS", "0").entrySet()) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> ConfigLoader.load(null, Map.of(refused.getKey(), refused.getValue())));
            String setting = refused.getKey().startsWith("LANYARD_HTTP_SHUTDOWN") ? "http.shutdownDelaySeconds"
                    : refused.getKey().startsWith("LANYARD_HTTP_DRAIN") ? "http.drainTimeoutSeconds"
                    : "hazelcast.shutdownTimeoutSeconds";
            assertTrue(error.getMessage().contains(setting), error.getMessage());
        }
    }
}
