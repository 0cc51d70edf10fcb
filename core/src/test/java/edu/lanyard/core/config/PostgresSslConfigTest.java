package edu.lanyard.core.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PostgresSslConfigTest {
    @Test
    void preferIsTheDefault() {
        LanyardConfig.Postgres postgres = ConfigLoader.load(null, Map.of()).postgres();
        assertEquals("prefer", postgres.sslMode());
        assertEquals(PostgresSslMode.PREFER, postgres.ssl());
        assertEquals("", postgres.sslRootCert());
    }

    @Test
    void everyLibpqModeIsAccepted() {
        for (PostgresSslMode mode : PostgresSslMode.values()) {
            LanyardConfig.Postgres postgres = ConfigLoader.load(null, Map.of("LANYARD_POSTGRES_SSL_MODE",
                    mode.setting().toUpperCase(), "LANYARD_POSTGRES_SSL_ROOT_CERT", "/etc/ssl/pg-root.pem")).postgres();
            assertEquals(mode, postgres.ssl());
            assertEquals("/etc/ssl/pg-root.pem", postgres.sslRootCert());
        }
    }

    @Test
    void anUnknownModeIsOneLineNamingTheSettingAndTheModes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(null, Map.of("LANYARD_POSTGRES_SSL_MODE", "verify")));
        assertEquals("postgres.sslMode must be one of disable, allow, prefer, require, verify-ca, verify-full,"
                + " not \"verify\"", e.getMessage());
    }

    @Test
    void thePasswordStaysOutOfTheConfigurationsText() {
        LanyardConfig config = ConfigLoader.load(null, Map.of("LANYARD_POSTGRES_PASSWORD", "hunter2-secret"));
        assertFalse(config.toString().contains("hunter2-secret"));
    }
}
