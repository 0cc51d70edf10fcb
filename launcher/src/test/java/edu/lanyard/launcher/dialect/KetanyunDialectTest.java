package edu.lanyard.launcher.dialect;

import com.nimbusds.jwt.SignedJWT;
import edu.lanyard.launcher.Browser;
import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static edu.lanyard.launcher.dialect.Wire.FORM;
import static edu.lanyard.launcher.dialect.Wire.HEX32;
import static edu.lanyard.launcher.dialect.Wire.json;
import static edu.lanyard.launcher.dialect.Wire.matches;
import static edu.lanyard.launcher.dialect.Wire.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/products.md A: the Ketanyun document's examples, replayed against {@code /sso}. */
class KetanyunDialectTest {
    static final String CLIENT = "PSeNH9E4fo7yum02YzMw";
    static final String SECRET = "ketanyun-secret-0123456789";
    private final String base = LanyardTestServer.sharedDialects().baseUrl();
    private final String sso = base + "/sso";

    private String code(Browser browser) {
        String location = browser.authorize(sso + "/oauth2/authorize?" + query("scope", "profile",
                "response_type", "code", "redirect_uri", "http://callback", "client_id", CLIENT, "state", "STATE"),
                "test@163.com", "ketanyun-pass");
        assertTrue(location.startsWith("http://callback?"), location);
        Map<String, String> params = Wire.query(location);
        assertEquals("STATE", params.get("state"));
        matches(HEX32, params.get("code"));
        return params.get("code");
    }

    /** The document: POST …/sso/oauth2/token?scope=…&client_secret=…&code=… with a form Content-Type and no body. */
    @Test
    void authorizationCodeWithEverythingInTheQueryString() {
        String code = code(new Browser(base));
        Http.Reply reply = Wire.post(sso + "/oauth2/token?" + query("scope", "profile", "redirect_uri",
                "http://callback", "client_id", CLIENT, "client_secret", SECRET, "grant_type", "authorization_code",
                "code", code), FORM, "");
        JsonObject body = json(reply, 200, "access_token", "refresh_token", "scope", "token_type", "expires_in");
        matches(HEX32, body.getString("access_token"));
        matches(HEX32, body.getString("refresh_token"));
        assertEquals("Bearer", body.getString("token_type"));
        assertEquals(2_000_000, body.getValue("expires_in"));
        assertEquals("profile", body.getString("scope"));
        assertEquals("no-store", reply.header("Cache-Control"));
    }

    /** Product document: the "post参数" and curl -d variant, everything in the form body. */
    @Test
    void authorizationCodeInTheFormBody() {
        String code = code(new Browser(base));
        Http.Reply reply = Wire.post(sso + "/oauth2/token", FORM, query("scope", "profile", "redirect_uri",
                "http://callback", "client_id", CLIENT, "client_secret", SECRET, "grant_type", "authorization_code",
                "code", code));
        JsonObject body = json(reply, 200, "access_token", "refresh_token", "scope", "token_type", "expires_in");
        assertEquals(2_000_000, body.getInteger("expires_in"));
    }

    @Test
    void clientCredentialsHasNoRefreshToken() {
        JsonObject body = json(Wire.post(sso + "/oauth2/token?" + query("grant_type", "client_credentials",
                "client_id", CLIENT, "client_secret", SECRET, "scope", "profile"), FORM, ""), 200,
                "access_token", "scope", "token_type", "expires_in");
        matches(HEX32, body.getString("access_token"));
    }

    @Test
    void passwordThenRefreshKeepsTheRefreshToken() {
        JsonObject first = json(Wire.post(sso + "/oauth2/token?" + query("grant_type", "password", "client_id",
                CLIENT, "client_secret", SECRET, "username", "test@163.com", "password", "ketanyun-pass", "scope",
                "profile"), FORM, ""), 200, "access_token", "refresh_token", "scope", "token_type", "expires_in");
        String refresh = first.getString("refresh_token");
        JsonObject second = json(Wire.post(sso + "/oauth2/token?" + query("grant_type", "refresh_token",
                "client_id", CLIENT, "client_secret", SECRET, "refresh_token", refresh, "scope", "profile"),
                FORM, ""), 200, "access_token", "refresh_token", "scope", "token_type", "expires_in");
        assertEquals(refresh, second.getString("refresh_token"), "Ketanyun clients do not rotate (decision 8)");
        matches(HEX32, second.getString("access_token"));
        JsonObject third = json(Wire.post(sso + "/oauth2/token?" + query("grant_type", "refresh_token",
                "client_id", CLIENT, "client_secret", SECRET, "refresh_token", refresh), FORM, ""), 200);
        assertFalse(third.getString("access_token").equals(second.getString("access_token")));
    }

    @Test
    void implicitFragmentAsTheSeedShowsIt() {
        String location = new Browser(base).authorize(sso + "/oauth2/authorize?" + query("scope", "profile",
                "response_type", "token", "redirect_uri", "http://callback", "client_id", CLIENT, "state", "STATE"),
                "test@163.com", "ketanyun-pass");
        assertTrue(location.startsWith("http://callback#access_token="), location);
        Map<String, String> fragment = Wire.fragment(location);
        assertEquals(java.util.List.of("access_token", "scope", "token_type", "expires_in", "state"),
                java.util.List.copyOf(fragment.keySet()));
        matches(HEX32, fragment.get("access_token"));
        assertEquals("Bearer", fragment.get("token_type"));
        assertEquals("2000000", fragment.get("expires_in"));
        assertEquals("profile", fragment.get("scope"));
        assertIntrospection(fragment.get("access_token"), "implicit");
    }

    /** Product document: curl …/sso/oauth2/introspect?token= -X POST, no credentials, no body. */
    @Test
    void introspectionWithoutCredentialsReportsTheGrantType() {
        String code = code(new Browser(base));
        String token = Wire.post(sso + "/oauth2/token?" + query("redirect_uri", "http://callback", "client_id",
                CLIENT, "client_secret", SECRET, "grant_type", "authorization_code", "code", code), FORM, "")
                .json().getString("access_token");
        JsonObject body = assertIntrospection(token, "authorization_code");
        assertEquals("profile", body.getString("scope"));
        assertEquals("MmIk9l9lXiFXv9JWKoML", body.getString("sub"));
        assertEquals("test@163.com", body.getString("username"));
    }

    private JsonObject assertIntrospection(String token, String grantType) {
        JsonObject body = json(Wire.post(sso + "/oauth2/introspect?token=" + token, null, ""), 200,
                "active", "scope", "client_id", "username", "token_type", "sub");
        assertEquals(true, body.getBoolean("active"));
        assertEquals(CLIENT, body.getString("client_id"));
        assertEquals(grantType, body.getString("token_type"));
        return body;
    }

    @Test
    void introspectionOfPasswordAndClientTokensAndWithBasic() {
        String password = Wire.post(sso + "/oauth2/token?" + query("grant_type", "password", "client_id", CLIENT,
                "client_secret", SECRET, "username", "test@163.com", "password", "ketanyun-pass"), FORM, "")
                .json().getString("access_token");
        assertIntrospection(password, "password");
        String service = Wire.post(sso + "/oauth2/token?" + query("grant_type", "client_credentials", "client_id",
                CLIENT, "client_secret", SECRET), FORM, "").json().getString("access_token");
        JsonObject body = json(Wire.post(sso + "/oauth2/introspect?token=" + service, null, "",
                "Authorization", Wire.basic(CLIENT, SECRET)), 200, "active", "scope", "client_id", "token_type");
        assertEquals("client_credentials", body.getString("token_type"));
        json(Wire.post(sso + "/oauth2/introspect?token=" + "0".repeat(32), null, ""), 200, "active");
        assertEquals(401, Wire.post(sso + "/oauth2/introspect?token=" + service, null, "",
                "Authorization", Wire.basic(CLIENT, "wrong")).status());
        assertEquals(401, Wire.post(base + "/oauth2/introspect", FORM, "token=" + service).status(),
                "decision 5: /oauth2/introspect always requires client authentication");
    }

    @Test
    void credentialLessIntrospectionAnswersOnlyForKetanyunClientsTokens() {
        String ketanyun = Wire.post(sso + "/oauth2/token?" + query("grant_type", "client_credentials", "client_id",
                CLIENT, "client_secret", SECRET), FORM, "").json().getString("access_token");
        String legacy = Wire.post(sso + "/oauth2/token?" + query("grant_type", "client_credentials", "client_id",
                "ketanyun-legacy-scope", "client_secret", "ketanyun-legacy-0123456789"), FORM, "").json()
                .getString("access_token");
        String standard = json(Wire.post(base + "/oauth2/token", FORM, query("grant_type", "password", "username",
                "lay", "password", "lay-pass", "scope", "profile"), "Authorization",
                Wire.basic("standard-app", "standard-secret-0123456789")), 200).getString("access_token");

        assertTrue(json(Wire.post(sso + "/oauth2/introspect?token=" + ketanyun, null, ""), 200)
                .getBoolean("active"));
        assertEquals("ketanyun-legacy-scope", json(Wire.post(sso + "/oauth2/introspect?token=" + legacy, null, ""),
                200).getString("client_id"), "any client imported for Ketanyun");
        assertEquals(new JsonObject().put("active", false),
                json(Wire.post(sso + "/oauth2/introspect?token=" + standard, null, ""), 200),
                "a standard client's token is not disclosed to anyone who asks");
    }

    @Test
    void aKetanyunClientIntrospectsOnlyItsOwnTokens() {
        String own = Wire.post(sso + "/oauth2/token?" + query("grant_type", "client_credentials", "client_id",
                CLIENT, "client_secret", SECRET), FORM, "").json().getString("access_token");
        String legacy = Wire.post(sso + "/oauth2/token?" + query("grant_type", "client_credentials", "client_id",
                "ketanyun-legacy-scope", "client_secret", "ketanyun-legacy-0123456789"), FORM, "").json()
                .getString("access_token");
        String basic = Wire.basic(CLIENT, SECRET);
        assertTrue(json(Wire.post(sso + "/oauth2/introspect?token=" + own, null, "", "Authorization", basic), 200)
                .getBoolean("active"));
        assertEquals(new JsonObject().put("active", false), json(Wire.post(sso + "/oauth2/introspect?token="
                + legacy, null, "", "Authorization", basic), 200), "an authenticated caller sees its own tokens");
        assertEquals(new JsonObject().put("active", false), json(Wire.post(base + "/oauth2/introspect", FORM,
                "token=" + legacy, "Authorization", basic), 200));
    }

    @Test
    void openidScopeAddsAnIdTokenWithNameAndAccount() throws Exception {
        JsonObject body = json(Wire.post(sso + "/oauth2/token?" + query("grant_type", "password", "client_id",
                CLIENT, "client_secret", SECRET, "username", "test@163.com", "password", "ketanyun-pass", "scope",
                "openid profile"), FORM, ""), 200, "access_token", "refresh_token", "scope", "token_type",
                "expires_in", "id_token");
        var claims = SignedJWT.parse(body.getString("id_token")).getJWTClaimsSet();
        assertEquals("test@163.com", claims.getStringClaim("account"));
        assertEquals("测试用户", claims.getStringClaim("name"));
        assertEquals(CLIENT, claims.getAudience().get(0));
    }

    @Test
    void legacyNumericScopeIsAPerClientSwitch() {
        JsonObject body = json(Wire.post(sso + "/oauth2/token?" + query("grant_type", "client_credentials",
                "client_id", "ketanyun-legacy-scope", "client_secret", "ketanyun-legacy-0123456789"), FORM, ""), 200);
        assertEquals("8", body.getString("scope"));
    }

    @Test
    void basicCredentialsAndFirstValueWins() {
        JsonObject body = json(Wire.post(sso + "/oauth2/token?grant_type=client_credentials", FORM,
                "grant_type=password&username=test%40163.com&password=ketanyun-pass",
                "Authorization", Wire.basic(CLIENT, SECRET)), 200, "access_token", "scope", "token_type",
                "expires_in");
        assertNull(body.getString("refresh_token"), "the query's grant_type came first");
    }

    @Test
    void errorsAsAnOltuServerSendsThem() {
        JsonObject badClient = json(Wire.post(sso + "/oauth2/token?" + query("grant_type", "client_credentials",
                "client_id", CLIENT, "client_secret", "wrong"), FORM, ""), 401, "error", "error_description");
        assertEquals("invalid_client", badClient.getString("error"));
        assertEquals("invalid_grant", json(Wire.post(sso + "/oauth2/token?" + query("grant_type",
                "authorization_code", "client_id", CLIENT, "client_secret", SECRET, "code", "0".repeat(32),
                "redirect_uri", "http://callback"), FORM, ""), 400).getString("error"));
        assertEquals("unsupported_grant_type", json(Wire.post(sso + "/oauth2/token?" + query("grant_type", "magic",
                "client_id", CLIENT, "client_secret", SECRET), FORM, ""), 400).getString("error"));
        assertEquals("invalid_scope", json(Wire.post(sso + "/oauth2/token?" + query("grant_type",
                "client_credentials", "client_id", CLIENT, "client_secret", SECRET, "scope", "admin"), FORM, ""),
                400).getString("error"));
        assertEquals("invalid_request", json(Wire.post(sso + "/oauth2/token?" + query("client_id", CLIENT,
                "client_secret", SECRET), FORM, ""), 400).getString("error"));
        assertEquals("invalid_request", json(Wire.get(sso + "/oauth2/token?" + query("grant_type",
                "client_credentials", "client_id", CLIENT, "client_secret", SECRET)), 400).getString("error"),
                "GET is not accepted at Ketanyun's token endpoint");
    }

    @Test
    void logoutEndsTheSsoSessionAndFollowsARegisteredTarget() {
        Browser browser = new Browser(base);
        code(browser);
        Http.Reply signedIn = browser.get(sso + "/oauth2/authorize?" + query("scope", "profile", "response_type",
                "code", "redirect_uri", "http://callback", "client_id", CLIENT));
        assertEquals(302, signedIn.status(), "the SSO session answers at once");
        Http.Reply logout = browser.get(sso + "/logout?redirect_uri=" + "http://callback");
        assertEquals(302, logout.status(), logout.body());
        assertEquals("http://callback", logout.header("Location"));
        Http.Reply again = browser.get(sso + "/oauth2/authorize?" + query("scope", "profile", "response_type",
                "code", "redirect_uri", "http://callback", "client_id", CLIENT));
        assertEquals(200, again.status(), "signed out: the login page again");
        JsonObject noTarget = json(browser.get(sso + "/logout"), 200);
        assertEquals("success", noTarget.getString("logout"));
        assertEquals(200, browser.get(sso + "/logout?redirect=" + "http://evil.example/").status(),
                "an unregistered target is not followed");
    }
}
