package edu.lanyard.core.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManagementAndBrandingConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaultsKeepMetricsOffTheServicePortAndLanyardsOwnLook() {
        LanyardConfig config = ConfigLoader.load(null, Map.of());
        assertTrue(config.management().enabled());
        assertEquals("127.0.0.1", config.management().host());
        assertEquals(9464, config.management().port());
        assertFalse(config.management().metricsOnServicePort());
        assertEquals(Branding.none(), config.branding());
        assertEquals("", config.branding().name().in("en"));
    }

    @Test
    void fileAndEnvironmentSetBothLanguages() throws Exception {
        Path file = Files.writeString(dir.resolve("lanyard.yaml"), """
                branding:
                  name: {en: Example University, zh-CN: 示例大学}
                  helpdeskUrl: https://help.example.edu/sso
                  primaryColor: "#1A5FB4"
                management: {port: 0}
                """);
        LanyardConfig config = ConfigLoader.load(file, Map.of(
                "LANYARD_BRANDING_HELPDESK_TEXT_ZH_CN", "联系信息中心",
                "LANYARD_MANAGEMENT_HOST", "0.0.0.0",
                "LANYARD_MANAGEMENT_METRICS_TOKEN_HASH", "ab".repeat(32)));
        assertEquals("Example University", config.branding().name().in("en"));
        assertEquals("示例大学", config.branding().name().in("zh-CN"));
        assertEquals("联系信息中心", config.branding().helpdeskText().in("zh-CN"));
        assertEquals("", config.branding().helpdeskText().in("en"));
        assertEquals("#1a5fb4", config.branding().primaryColor());
        assertEquals(0, config.management().port());
        assertEquals("0.0.0.0", config.management().host());
        assertTrue(config.management().metricsOnServicePort());
    }

    @Test
    void anythingButAHexColourIsRefused() {
        for (String colour : new String[]{"red", "#12345", "#1234567", "1a5fb4", "#1a5fb4;}body{display:none",
                "rgb(1,2,3)", "var(--x)", "#a\nbc", "expression(alert(1))", "#ggg"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> ConfigLoader.load(null, Map.of("LANYARD_BRANDING_ACCENT_COLOR", colour)), colour);
            assertTrue(refused.getMessage().contains("branding.accentColor"), refused.getMessage());
        }
    }

    @Test
    void linksMustBeWebMailOrPhone() {
        for (String link : new String[]{"javascript:alert(1)", "data:text/html,x", "//evil.example", "help desk",
                "https://a.example/\"onmouseover=x", "https://user:pw@help.example.edu/", "mailto:"}) {
            assertThrows(IllegalArgumentException.class,
                    () -> ConfigLoader.load(null, Map.of("LANYARD_BRANDING_HELPDESK_URL", link)), link);
        }
        for (String link : new String[]{"https://help.example.edu/sso?x=1", "mailto:it@example.edu", "tel:+86-10-1234"}) {
            assertEquals(link, ConfigLoader.load(null, Map.of("LANYARD_BRANDING_HELPDESK_URL", link))
                    .branding().helpdeskUrl());
        }
    }

    @Test
    void aLogoComesFromOnePlaceAndItsOriginIsExact() {
        LanyardConfig config = ConfigLoader.load(null, Map.of("LANYARD_BRANDING_LOGO_URL",
                "https://CDN.example.edu:8443/logo.svg"));
        assertEquals(Optional.of("https://cdn.example.edu:8443"), config.branding().logoOrigin());
        assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(null, Map.of(
                "LANYARD_BRANDING_LOGO_URL", "https://cdn.example.edu/logo.svg",
                "LANYARD_BRANDING_LOGO_FILE", "/etc/lanyard/logo.png")));
        assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(null, Map.of(
                "LANYARD_BRANDING_LOGO_FILE", "/etc/passwd")));
        assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(null, Map.of(
                "LANYARD_BRANDING_LOGO_URL", "https://*.example.edu/logo.svg")));
    }

    @Test
    void aMetricsTokenHashMustBeASha256() {
        assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(null, Map.of(
                "LANYARD_MANAGEMENT_METRICS_TOKEN_HASH", "the-token-itself")));
    }
}
