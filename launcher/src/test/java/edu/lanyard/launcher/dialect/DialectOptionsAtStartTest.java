package edu.lanyard.launcher.dialect;

import edu.lanyard.core.config.ConfigLoader;
import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.dialects.InvalidDialectOptionsException;
import edu.lanyard.launcher.Node;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A node refuses to start on a dialect mount option it cannot use, before it touches any infrastructure (none is
 * given here: reaching it would fail differently), naming the option and what it accepts.
 */
class DialectOptionsAtStartTest {

    @Test
    void aWrongMountOptionFromTheEnvironmentStopsTheStart() {
        LanyardConfig config = ConfigLoader.load(null, Map.of(
                "LANYARD_DIALECTS_CAS_OPTIONS_ERROR_FORMAT", "xml",
                "LANYARD_DIALECTS_MAXKEY_OPTIONS_UUID_TOKEN_CHECK", "yes"));
        InvalidDialectOptionsException e = assertThrows(InvalidDialectOptionsException.class,
                () -> Node.start(config, null, List.of()));
        assertEquals(List.of("dialects.cas.options: option \"errorFormat\" must be one of text, json, not \"xml\"",
                "dialects.maxkey.options: option \"uuidTokenCheck\" must be true or false, not \"yes\""), e.problems());
    }

    @Test
    void aMisspeltMountOptionInTheConfigurationStopsTheStart() {
        LanyardConfig defaults = ConfigLoader.load(null, Map.of());
        Map<String, LanyardConfig.DialectMount> mounts = new java.util.TreeMap<>(defaults.dialects());
        mounts.put("cas", new LanyardConfig.DialectMount(true, "/cas", Map.of("errorFormats", "json")));
        LanyardConfig config = new LanyardConfig(defaults.issuer(), defaults.http(), defaults.postgres(),
                defaults.kafka(), defaults.hazelcast(), defaults.durability(), defaults.tokens(), defaults.login(),
                mounts, defaults.projection(), defaults.admin(), defaults.rateLimit(), defaults.management(),
                defaults.branding(), defaults.keys());
        InvalidDialectOptionsException e = assertThrows(InvalidDialectOptionsException.class,
                () -> Node.start(config, null, List.of()));
        assertEquals("dialects.cas.options: unknown option \"errorFormats\" (did you mean \"errorFormat\"?); known: "
                + "accessTokenIdleSeconds, attributeMapping, credentialType, errorFormat, followServiceRedirects, hostSuffix, idAttribute, "
                + "profileFields, profileServiceKeys, profileView, proxyCallbackTrustCert, serviceTicketSeconds, "
                + "tokenKeyOrder, tokenResponseFormat", e.getMessage());
    }
}
