package edu.lanyard.launcher.dialect;

import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static edu.lanyard.launcher.dialect.Wire.FORM;
import static edu.lanyard.launcher.dialect.Wire.json;
import static edu.lanyard.launcher.dialect.Wire.query;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * docs/products.md decisions 1 and 5: per-mount switches, set the way an operator sets them (LANYARD_* variables): a
 * dialect moved to another prefix, one switched off, and the non-default forms of the mount switches.
 */
class DialectMountSwitchesTest {
    private static LanyardTestServer server;

    @BeforeAll
    static void start() {
        server = LanyardTestServer.builder().env(Map.of(
                "LANYARD_DIALECTS_KETANYUN_PREFIX", "/ketanyun",
                "LANYARD_DIALECTS_KETANYUN_OPTIONS_UNAUTHENTICATED_INTROSPECTION", "false",
                "LANYARD_DIALECTS_KETANYUN_OPTIONS_ALLOW_GET", "true",
                "LANYARD_DIALECTS_CAS_OPTIONS_ERROR_FORMAT", "json",
                "LANYARD_DIALECTS_MAXKEY_OPTIONS_EMPTY_CLIENT_AUTH_FAILURE", "true",
                "LANYARD_DIALECTS_MAXKEY_OPTIONS_UUID_TOKEN_CHECK", "false",
                "LANYARD_DIALECTS_PHPSSO_ENABLED", "false")).importing("/dialect-clients.yaml").start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private String ketanyunToken(String base) {
        return json(Wire.get(base + "/ketanyun/oauth2/token?" + query("grant_type", "password", "client_id",
                "PSeNH9E4fo7yum02YzMw", "client_secret", "ketanyun-secret-0123456789", "username", "lay",
                "password", "lay-pass")), 200).getString("access_token");
    }

    @Test
    void prefixAndEnabledAreConfigurable() {
        String base = server.baseUrl();
        assertEquals(404, Wire.post(base + "/sso/oauth2/token", FORM, "grant_type=client_credentials").status());
        ketanyunToken(base);
        assertEquals(404, Wire.get(base + "/token.php").status(), "the PHP SSO mount is switched off");
        assertEquals(200, Wire.get(base + "/cas/oauth2.0/profile?access_token=" + ketanyunToken(base)).status());
    }

    @Test
    void mountSwitchesChangeTheWireForm() {
        String base = server.baseUrl();
        String hex = ketanyunToken(base);
        assertEquals(401, Wire.post(base + "/ketanyun/oauth2/introspect?token=" + hex, null, "").status(),
                "unauthenticated introspection switched off");
        JsonObject casError = json(Wire.get(base + "/cas/oauth2.0/accessToken?" + query("grant_type",
                "authorization_code", "client_id", "20180901", "client_secret", "123456", "code", "OC-1-nothing",
                "redirect_uri", "http://www.baidu.com")), 400, "error");
        assertEquals("invalid_grant", casError.getString("error"), "CAS 6.x JSON errors");
        Http.Reply empty = Wire.get(base + "/sign/oauth/v20/token?" + query("client_id", "maxkey-app",
                "client_secret", "wrong", "grant_type", "client_credentials"));
        assertEquals(200, empty.status());
        assertEquals("", empty.body(), "MaxKey's real empty body on a client authentication failure");
        assertEquals("lay", json(Wire.get(base + "/sign/api/oauth/v20/me?access_token=" + hex), 200)
                .getString("username"), "without the UUID check a 32-hex token is looked up");
    }
}
