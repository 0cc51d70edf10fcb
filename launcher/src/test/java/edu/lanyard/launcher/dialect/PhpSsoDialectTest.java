package edu.lanyard.launcher.dialect;

import edu.lanyard.launcher.Browser;
import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static edu.lanyard.launcher.dialect.Wire.FORM;
import static edu.lanyard.launcher.dialect.Wire.HEX32;
import static edu.lanyard.launcher.dialect.Wire.json;
import static edu.lanyard.launcher.dialect.Wire.matches;
import static edu.lanyard.launcher.dialect.Wire.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/products.md E: the PHP SSO's authorize.php, token.php, resource.php and logout.php at the root. */
class PhpSsoDialectTest {
    static final String ADMIN = "sso_admin_client";
    static final String ADMIN_SECRET = "admin-secret-0123456789";
    static final String ADMIN_CB = "http://127.0.0.1:8800/admin/index.php";
    static final String PORTAL = "ufsso_dcux_portal";
    static final String PORTAL_CB = "http://127.0.0.1:8800/index.html";
    private final String base = LanyardTestServer.sharedDialects().baseUrl();

    /** The document: authorize.php?client_id=sso_admin_client&redirect_uri=…&response_type=code → index.php?code=…. */
    private String code(Browser browser, String responseType) {
        String url = base + "/authorize.php?client_id=" + ADMIN
                + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A8800%2Fadmin%2Findex.php"
                + (responseType == null ? "" : "&response_type=" + responseType);
        String location = browser.authorize(url, "lay", "lay-pass");
        assertTrue(location.startsWith(ADMIN_CB + "?code="), location);
        String code = Wire.query(location).get("code");
        matches(HEX32, code);
        return code;
    }

    @Test
    void codeThenTokenWithTheDefaultGrantType() {
        String code = code(new Browser(base), "code");
        Http.Reply reply = Wire.get(base + "/token.php?" + query("client_id", ADMIN, "client_secret", ADMIN_SECRET,
                "code", code, "redirect_uri", ADMIN_CB));
        JsonObject token = json(reply, 200, "access_token", "expires_in", "refresh_token");
        matches(HEX32, token.getString("access_token"));
        matches(HEX32, token.getString("refresh_token"));
        assertEquals("3600", token.getValue("expires_in"), "expires_in is a string, as the product's document shows");
        assertEquals("no-store", reply.header("Cache-Control"));

        JsonObject profile = json(Wire.get(base + "/resource.php?access_token=" + token.getString("access_token")),
                200, "uid", "username", "role");
        assertEquals("lay", profile.getString("uid"));
        assertEquals("liaiyong", profile.getString("username"));
        assertEquals("其他", profile.getString("role"));
        json(Wire.post(base + "/resource.php", FORM, "access_token=" + token.getString("access_token")), 200,
                "uid", "username", "role");
        json(Wire.get(base + "/resource.php", "Authorization", "Bearer " + token.getString("access_token")), 200,
                "uid", "username", "role");
    }

    @Test
    void responseTypeDefaultsToCode() {
        String code = code(new Browser(base), null);
        json(Wire.post(base + "/token.php", FORM, query("grant_type", "authorization_code", "code", code,
                "redirect_uri", ADMIN_CB), "Authorization", Wire.basic(ADMIN, ADMIN_SECRET)), 200,
                "access_token", "expires_in", "refresh_token");
    }

    /** Product document: response_type=token comes back in the query: index.html?access_token=…&expires_in=…. */
    @Test
    void implicitTokensArriveInTheQueryWithARefreshToken() {
        String location = new Browser(base).authorize(base + "/authorize.php?client_id=" + PORTAL
                + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A8800%2Findex.html&response_type=token&state=1234",
                "lay", "lay-pass");
        assertTrue(location.startsWith(PORTAL_CB + "?access_token="), location);
        assertNull(java.net.URI.create(location).getFragment());
        Map<String, String> query = Wire.query(location);
        assertEquals(List.of("access_token", "expires_in", "refresh_token", "state"), List.copyOf(query.keySet()));
        matches(HEX32, query.get("access_token"));
        assertEquals("3600", query.get("expires_in"));
        assertEquals("1234", query.get("state"));
        json(Wire.get(base + "/resource.php?access_token=" + query.get("access_token")), 200);
    }

    @Test
    void implicitDeliveryBothIsAPerClientSwitch() {
        String location = new Browser(base).authorize(base + "/authorize.php?" + query("client_id", "php-fragment",
                "redirect_uri", "http://127.0.0.1:8801/index.html", "response_type", "token", "state", "s"),
                "lay", "lay-pass");
        Map<String, String> query = Wire.query(location);
        Map<String, String> fragment = Wire.fragment(location);
        assertEquals(query, fragment);
        matches(HEX32, fragment.get("access_token"));
    }

    @Test
    void refreshRotatesAndReuseRevokesTheFamily() {
        JsonObject first = json(Wire.get(base + "/token.php?" + query("grant_type", "password", "client_id", ADMIN,
                "client_secret", ADMIN_SECRET, "username", "lay", "password", "lay-pass")), 200,
                "access_token", "expires_in", "refresh_token");
        JsonObject second = json(Wire.get(base + "/token.php?" + query("grant_type", "refresh_token", "client_id",
                ADMIN, "client_secret", ADMIN_SECRET, "refresh_token", first.getString("refresh_token"))), 200,
                "access_token", "expires_in", "refresh_token");
        assertNotEquals(first.getString("refresh_token"), second.getString("refresh_token"));
        JsonObject reuse = json(Wire.get(base + "/token.php?" + query("grant_type", "refresh_token", "client_id",
                ADMIN, "client_secret", ADMIN_SECRET, "refresh_token", first.getString("refresh_token"))), 400,
                "error");
        assertEquals("invalid_grant", reuse.getString("error"));
        assertEquals(401, Wire.get(base + "/resource.php?access_token=" + second.getString("access_token")).status(),
                "reuse of a rotated refresh token revokes the family");
    }

    @Test
    void errorsAre400WithOnlyTheCode() {
        JsonObject client = json(Wire.get(base + "/token.php?" + query("client_id", ADMIN, "client_secret", "x",
                "code", "0".repeat(32), "redirect_uri", ADMIN_CB)), 400, "error");
        assertEquals("invalid_client", client.getString("error"));
        assertEquals("invalid_grant", json(Wire.get(base + "/token.php?" + query("client_id", ADMIN,
                "client_secret", ADMIN_SECRET, "code", "0".repeat(32), "redirect_uri", ADMIN_CB)), 400, "error")
                .getString("error"));
        assertEquals("unsupported_grant_type", json(Wire.get(base + "/token.php?" + query("client_id", ADMIN,
                "client_secret", ADMIN_SECRET, "grant_type", "token")), 400, "error").getString("error"));
        assertEquals("invalid_grant", json(Wire.get(base + "/token.php?" + query("client_id", ADMIN,
                "client_secret", ADMIN_SECRET, "grant_type", "password", "username", "lay", "password", "no")),
                400, "error").getString("error"));
        assertEquals("invalid_request", json(Wire.get(base + "/resource.php"), 400, "error").getString("error"));
        Http.Reply invalid = Wire.get(base + "/resource.php?access_token=" + "0".repeat(32));
        assertEquals("invalid_token", json(invalid, 401, "error").getString("error"));
        assertEquals("Bearer error=\"invalid_token\"", invalid.header("WWW-Authenticate"));
    }

    @Test
    void perClientSwitchesNumberExpiresInTokenTypeAndProfileFields() {
        JsonObject token = json(Wire.post(base + "/token.php", FORM, query("grant_type", "password", "client_id",
                "php-rich", "client_secret", "php-rich-secret-0123456789", "username", "lay", "password",
                "lay-pass")), 200, "access_token", "expires_in", "token_type");
        assertEquals(3600, token.getValue("expires_in"));
        assertEquals("access", token.getString("token_type"));
        JsonObject profile = json(Wire.get(base + "/resource.php?access_token=" + token.getString("access_token")),
                200, "uid", "username", "role", "email", "department");
        assertEquals("信息中心", profile.getString("department"), "mapped from the dept attribute");
    }

    /** Product document: the three results of logout.php, and idempotence (the 2012 fix). */
    @Test
    void logoutThreeResultFormsAndIdempotence() {
        Browser browser = new Browser(base);
        String code = code(browser, "code");
        JsonObject token = json(Wire.get(base + "/token.php?" + query("client_id", ADMIN, "client_secret",
                ADMIN_SECRET, "code", code, "redirect_uri", ADMIN_CB)), 200);
        String at = token.getString("access_token");

        Http.Reply redirect = browser.get(base + "/logout.php?access_token=" + at + "&redirect_uri=" + ADMIN_CB);
        assertEquals(302, redirect.status(), redirect.body());
        assertEquals(ADMIN_CB + "?logout=success", redirect.header("Location"));
        assertEquals(401, Wire.get(base + "/resource.php?access_token=" + at).status(), "the token is revoked");
        assertEquals(200, browser.get(base + "/authorize.php?client_id=" + ADMIN + "&redirect_uri=" + ADMIN_CB)
                .status(), "the SSO session ended: the login page again");

        Http.Reply again = browser.get(base + "/logout.php?access_token=" + at + "&redirect_uri=" + ADMIN_CB
                + "&response_type=token");
        assertEquals(302, again.status(), "an already revoked token is still a success");
        assertEquals(ADMIN_CB + "#logout=success", again.header("Location"));

        String portalToken = json(Wire.get(base + "/token.php?" + query("grant_type", "password", "client_id", ADMIN,
                "client_secret", ADMIN_SECRET, "username", "lay", "password", "lay-pass")), 200)
                .getString("access_token");
        Http.Reply otherApp = browser.get(base + "/logout.php?access_token=" + portalToken + "&redirect_uri="
                + PORTAL_CB);
        assertEquals(400, otherApp.status(), "the redirect_uri must be the token's client's callback");

        JsonObject plain = json(browser.get(base + "/logout.php"), 200, "logout");
        assertEquals("success", plain.getString("logout"));

        Http.Reply mismatch = browser.get(base + "/logout.php?redirect_uri=http://evil.example/");
        assertEquals("redirect_uri_mismatch", json(mismatch, 400, "error").getString("error"));
        assertNull(mismatch.header("Location"));
    }

    /** E.1: without a usable redirect the product answered {@code {"error":…}} JSON, never its page or a redirect. */
    @Test
    void authorizeWithoutAUsableRedirectAnswersJson() {
        Browser browser = new Browser(base);
        Http.Reply noClient = browser.get(base + "/authorize.php?redirect_uri=" + ADMIN_CB);
        assertEquals("invalid_client", json(noClient, 400, "error").getString("error"));
        Http.Reply unknown = browser.get(base + "/authorize.php?" + query("client_id", "no_such_client",
                "redirect_uri", ADMIN_CB, "response_type", "code"));
        assertEquals("invalid_client", json(unknown, 400, "error").getString("error"));
        assertNull(unknown.header("Location"));
        Http.Reply mismatch = browser.get(base + "/authorize.php?" + query("client_id", ADMIN,
                "redirect_uri", "http://evil.example/cb"));
        assertEquals("redirect_uri_mismatch", json(mismatch, 400, "error").getString("error"));
        assertNull(mismatch.header("Location"));
        assertEquals("no-store", mismatch.header("Cache-Control"));
    }

    /**
     * E.1/E.2: the product's client lookup (a MySQL column) ignored case, at authorize.php and token.php alike (mount
     * switch {@code clientIdIgnoresCase}, default on).
     */
    @Test
    void clientIdIsFoundWhateverItsCase() {
        String url = base + "/authorize.php?" + query("client_id", ADMIN.toUpperCase(java.util.Locale.ROOT),
                "redirect_uri", ADMIN_CB);
        String location = new Browser(base).authorize(url, "lay", "lay-pass");
        assertTrue(location.startsWith(ADMIN_CB + "?code="), location);
        String code = Wire.query(location).get("code");
        json(Wire.get(base + "/token.php?" + query("client_id", ADMIN.toUpperCase(java.util.Locale.ROOT),
                "client_secret", ADMIN_SECRET, "code", code, "redirect_uri", ADMIN_CB)), 200,
                "access_token", "expires_in", "refresh_token");
    }
}
