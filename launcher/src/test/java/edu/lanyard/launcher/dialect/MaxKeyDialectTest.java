package edu.lanyard.launcher.dialect;

import edu.lanyard.launcher.Browser;
import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static edu.lanyard.launcher.dialect.Wire.FORM;
import static edu.lanyard.launcher.dialect.Wire.UUID4;
import static edu.lanyard.launcher.dialect.Wire.json;
import static edu.lanyard.launcher.dialect.Wire.matches;
import static edu.lanyard.launcher.dialect.Wire.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/products.md C, against {@code /maxkey} (≤2.x path family) and {@code /sign} (3.x+). */
class MaxKeyDialectTest {
    static final String CLIENT = "maxkey-app";
    static final String SECRET = "maxkey-secret-0123456789";
    static final String CALLBACK = "http://app.maxkey.org/app/callback";
    static final List<String> SUPERSET = List.of("randomId", "uid", "userId", "user", "username", "displayName",
            "realname", "employeeNumber", "email", "mobile", "birthday", "departmentId", "department", "createdate",
            "title", "state", "gender", "institution", "online_ticket");
    private final String base = LanyardTestServer.sharedDialects().baseUrl();

    private String code(Browser browser, String authorizeUrl) {
        String location = browser.authorize(authorizeUrl, "admin", "admin-pass");
        assertTrue(location.startsWith(CALLBACK + "?code="), location);
        String code = Wire.query(location).get("code");
        matches(UUID4, code);
        return code;
    }

    /**
     * The old MaxKey document's steps 1–3 (docs/products.md C.1): authorize, callback with ?code=, token by GET with
     * the secret in the URL, then /me.
     */
    @Test
    void olderPathFamilyUnderMaxkeyAsTheSeedShowsIt() {
        String code = code(new Browser(base), base + "/maxkey/oauth/v20/authorize?" + query("client_id", CLIENT,
                "response_type", "code", "redirect_uri", CALLBACK));
        Http.Reply reply = Wire.get(base + "/maxkey/oauth/v20/token?" + query("client_id", CLIENT, "client_secret",
                SECRET, "grant_type", "authorization_code", "redirect_uri", CALLBACK, "code", code));
        JsonObject token = json(reply, 200, "access_token", "token_type", "refresh_token", "expires_in", "scope",
                "id_token");
        matches(UUID4, token.getString("access_token"));
        matches(UUID4, token.getString("refresh_token"));
        assertEquals("bearer", token.getString("token_type"));
        assertTrue(token.getValue("expires_in") instanceof Integer, "expires_in is a number");
        assertEquals("read profile openid", token.getString("scope"));
        assertEquals("no-store", reply.header("Cache-Control"));
        assertEquals("no-cache", reply.header("Pragma"));
        assertNull(token.getValue("remind_in "), "the old document's remind_in was never sent (products.md C.1)");

        JsonObject me = json(Wire.get(base + "/maxkey/api/oauth/v20/me?access_token="
                + token.getString("access_token")), 200, SUPERSET.toArray(String[]::new));
        assertEquals("1", me.getString("uid"), "uid is the user id (C.0), not the login name");
        assertEquals("admin", me.getString("username"));
        assertEquals("admin", me.getString("user"));
        assertEquals("1", me.getString("userId"));
        assertEquals("系统管理员", me.getString("displayName"));
        assertEquals("系统管理员", me.getString("realname"));
        assertEquals("", me.getString("departmentId"), "the MaxKey family sends empty strings, not null");
        assertEquals("", me.getString("email"));
        assertTrue(me.containsKey("birthday") && me.getValue("birthday") == null);
        assertEquals(1, me.getValue("gender"));
        matches(UUID4, me.getString("randomId"));
        matches(Pattern.compile("OT_\\d+"), me.getString("online_ticket"));
        matches(Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"), me.getString("createdate"));
    }

    @Test
    void newerPathFamilyUnderSignWithEveryTokenPlace() {
        Browser browser = new Browser(base);
        String code = code(browser, base + "/sign/authz/oauth/v20/authorize?" + query("client_id", CLIENT,
                "response_type", "code", "redirect_uri", CALLBACK, "scope", "read profile", "state", "s1"));
        JsonObject token = json(Wire.post(base + "/sign/authz/oauth/v20/token", FORM, query("client_id", CLIENT,
                "client_secret", SECRET, "grant_type", "authorization_code", "redirect_uri", CALLBACK, "code",
                code)), 200, "access_token", "token_type", "refresh_token", "expires_in", "scope");
        String at = token.getString("access_token");
        JsonObject byParam = json(Wire.post(base + "/sign/api/oauth/v20/me", FORM, "access_token=" + at), 200);
        JsonObject byToken = json(Wire.get(base + "/sign/api/oauth/v20/me?token=" + at), 200);
        JsonObject byBearer = json(Wire.get(base + "/sign/api/oauth/v20/me", "Authorization", "bearer " + at), 200);
        JsonObject byRawHeader = json(Wire.get(base + "/sign/api/oauth/v20/me", "Authorization", at), 200);
        for (JsonObject me : List.of(byParam, byToken, byBearer, byRawHeader)) {
            assertEquals("admin", me.getString("username"));
        }
        assertNotEquals(byParam.getString("randomId"), byToken.getString("randomId"), "a fresh randomId per call");
        assertEquals(byParam.getString("online_ticket"), byToken.getString("online_ticket"),
                "one online ticket per SSO session");
        // Tencent-IOA aliases of 3.5+
        String code2 = code(browser, base + "/sign/oauth2/authorize?" + query("client_id", CLIENT,
                "response_type", "code", "redirect_uri", CALLBACK));
        json(Wire.post(base + "/sign/oauth2/token?" + query("client_id", CLIENT, "client_secret", SECRET,
                "grant_type", "authorization_code", "redirect_uri", CALLBACK, "code", code2), null, ""), 200,
                "access_token", "token_type", "refresh_token", "expires_in", "scope", "id_token");
    }

    @Test
    void refreshTokensAreReusedAndBasicOnlyWithoutClientId() {
        JsonObject first = json(Wire.post(base + "/sign/oauth/v20/token", FORM, query("client_id", CLIENT,
                "client_secret", SECRET, "grant_type", "password", "username", "admin", "password", "admin-pass",
                "scope", "read")), 200, "access_token", "token_type", "refresh_token", "expires_in", "scope");
        String refresh = first.getString("refresh_token");
        JsonObject second = json(Wire.post(base + "/sign/oauth/v20/token", FORM, query("grant_type",
                "refresh_token", "refresh_token", refresh), "Authorization", Wire.basic(CLIENT, SECRET)), 200);
        assertEquals(refresh, second.getString("refresh_token"), "MaxKey re-used refresh tokens (decision 8)");
        assertNotEquals(first.getString("access_token"), second.getString("access_token"),
                "every grant mints a new access token (decision 8)");
        JsonObject basicWithParamId = json(Wire.post(base + "/sign/oauth/v20/token", FORM, query("client_id",
                CLIENT, "grant_type", "client_credentials"), "Authorization", Wire.basic(CLIENT, SECRET)), 200);
        assertEquals("invalid_client", basicWithParamId.getString("error"),
                "with client_id present the parameters are used and a missing secret is \"\"");
        JsonObject passwordOverBasic = json(Wire.post(base + "/sign/oauth/v20/token", FORM, query("grant_type",
                "password", "username", "admin", "password", "admin-pass"), "Authorization",
                Wire.basic(CLIENT, SECRET)), 200);
        assertEquals("invalid_client", passwordOverBasic.getString("error"),
                "the password grant never consults Basic");
    }

    @Test
    void remindInIsAPerClientSwitch() {
        JsonObject body = json(Wire.get(base + "/sign/oauth/v20/token?" + query("client_id", "maxkey-remind",
                "client_secret", "maxkey-remind-0123456789", "grant_type", "client_credentials")), 200,
                "access_token", "token_type", "expires_in", "remind_in", "scope");
        assertEquals(body.getInteger("expires_in"), body.getInteger("remind_in"));
    }

    @Test
    void everyTokenErrorIsHttp200Json() {
        String url = base + "/sign/authz/oauth/v20/token?";
        assertError(Wire.get(url + query("client_id", CLIENT, "client_secret", "wrong", "grant_type",
                "client_credentials")), "invalid_client", "Bad client credentials");
        assertError(Wire.get(url + query("grant_type", "client_credentials")), "invalid_client",
                "Bad client credentials");
        assertError(Wire.get(url + query("client_id", CLIENT, "client_secret", SECRET, "grant_type",
                "authorization_code", "code", "PQ7q7W91a-oMsCeLvIaQm6bTrgtp7", "redirect_uri", CALLBACK)),
                "invalid_request", "The code is not valid format .");
        assertError(Wire.get(url + query("client_id", CLIENT, "client_secret", SECRET, "grant_type",
                "authorization_code", "code", "c07db97a-fde8-4e17-8fb9-735637980774", "redirect_uri", CALLBACK)),
                "invalid_grant", null);
        assertError(Wire.get(url + query("client_id", CLIENT, "client_secret", SECRET, "grant_type", "implicit")),
                "invalid_grant", "Implicit grant type not supported from token endpoint");
        assertError(Wire.get(url + query("client_id", CLIENT, "client_secret", SECRET, "grant_type", "magic")),
                "unsupported_grant_type", null);
        assertError(Wire.get(url + query("client_id", CLIENT, "client_secret", SECRET, "grant_type", "password",
                "username", "admin", "password", "wrong")), "invalid_request",
                "There is no client authentication. Try adding an appropriate authentication.");
    }

    private static void assertError(Http.Reply reply, String error, String description) {
        JsonObject body = json(reply, 200, "error", "error_description");
        assertEquals(error, body.getString("error"));
        if (description != null) {
            assertEquals(description, body.getString("error_description"));
        }
    }

    @Test
    void meChecksTheUuidShapeBeforeAnyLookup() {
        JsonObject malformed = json(Wire.get(base + "/sign/api/oauth/v20/me?access_token=SlAV32hkKG"), 200,
                "error", "error_description");
        assertEquals("token Format Invalid", malformed.getString("error"));
        assertEquals("access Token Format Invalid , access_token : SlAV32hkKG",
                malformed.getString("error_description"));
        String unknown = "b453107f-0a9b-497f-b2a4-16233fd3e776";
        JsonObject invalid = json(Wire.get(base + "/sign/api/oauth/v20/me?access_token=" + unknown), 200,
                "error", "error_description");
        assertEquals("invalid_token", invalid.getString("error"));
        assertEquals("Invalid access token: " + unknown, invalid.getString("error_description"));
    }

    @Test
    void implicitFragmentNeverCarriesARefreshToken() {
        String location = new Browser(base).authorize(base + "/sign/authz/oauth/v20/authorize?" + query(
                "client_id", CLIENT, "response_type", "token", "redirect_uri", CALLBACK, "state", "xyz"),
                "admin", "admin-pass");
        assertTrue(location.startsWith(CALLBACK + "#"), location);
        Map<String, String> fragment = Wire.fragment(location);
        matches(UUID4, fragment.get("access_token"));
        assertEquals("bearer", fragment.get("token_type"));
        assertEquals("xyz", fragment.get("state"));
        assertTrue(Integer.parseInt(fragment.get("expires_in")) > 0);
        assertFalse(fragment.containsKey("refresh_token"));
    }

    /**
     * The old MaxKey document's error example (docs/products.md C.1); redirect URIs match by prefix; an unregistered
     * one gets a page, not a redirect.
     */
    @Test
    void authorizeErrorsAndPrefixMatching() {
        Browser browser = new Browser(base);
        code(browser, base + "/sign/authz/oauth/v20/authorize?" + query("client_id", CLIENT, "response_type", "code",
                "redirect_uri", CALLBACK));
        Http.Reply unsupported = browser.get(base + "/sign/authz/oauth/v20/authorize?" + query("client_id", CLIENT,
                "response_type", "grant", "redirect_uri", CALLBACK));
        assertEquals(302, unsupported.status());
        assertEquals("unsupported_response_type", Wire.query(unsupported.header("Location")).get("error"));
        Http.Reply longer = browser.get(base + "/sign/authz/oauth/v20/authorize?" + query("client_id", CLIENT,
                "response_type", "code", "redirect_uri", CALLBACK + "/deeper?x=1"));
        assertEquals(302, longer.status());
        assertTrue(longer.header("Location").startsWith(CALLBACK + "/deeper?x=1&code="));
        Http.Reply foreign = browser.get(base + "/sign/authz/oauth/v20/authorize?" + query("client_id", CLIENT,
                "response_type", "code", "redirect_uri", "http://evil.example/app/callback"));
        assertEquals(400, foreign.status());
        assertNull(foreign.header("Location"));
        Http.Reply unknownClient = browser.get(base + "/sign/authz/oauth/v20/authorize?" + query("client_id",
                "nobody", "response_type", "code", "redirect_uri", CALLBACK));
        assertNull(unknownClient.header("Location"));
        assertTrue(unknownClient.status() >= 400);
    }

    @Test
    void forceLogoutEndsTheSessionAndReturnsToTheApp() {
        Browser browser = new Browser(base);
        code(browser, base + "/sign/authz/oauth/v20/authorize?" + query("client_id", CLIENT, "response_type", "code",
                "redirect_uri", CALLBACK));
        Http.Reply logout = browser.get(base + "/sign/force/logout?redirect_uri=" + CALLBACK);
        assertEquals(302, logout.status(), logout.body());
        assertEquals(CALLBACK, logout.header("Location"));
        assertEquals(200, browser.get(base + "/sign/authz/oauth/v20/authorize?" + query("client_id", CLIENT,
                "response_type", "code", "redirect_uri", CALLBACK)).status(), "the login page again");
        Http.Reply page = browser.get(base + "/maxkey/force/logout");
        assertEquals(200, page.status());
        assertTrue(page.header("Content-Type").startsWith("text/html"));
    }
}
