package edu.lanyard.launcher.dialect;

import edu.lanyard.launcher.Browser;
import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static edu.lanyard.launcher.dialect.Wire.FORM;
import static edu.lanyard.launcher.dialect.Wire.UUID4;
import static edu.lanyard.launcher.dialect.Wire.json;
import static edu.lanyard.launcher.dialect.Wire.matches;
import static edu.lanyard.launcher.dialect.Wire.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/products.md B: the MaxKey derivative behind {@code /api/sso}. */
class AuthzDialectTest {
    static final String CLIENT = "QPKKKSADFUP876";
    static final String CALLBACK = "http://apphost:8080/app/callback";
    static final String[] ME_KEYS = {"birthday", "gender", "displayName", "departmentId", "mobile", "createdate",
            "title", "userId", "online_ticket", "employeeNumber", "realname", "institution", "randomId", "id", "state",
            "department", "user", "email", "username"};
    private final String base = LanyardTestServer.sharedDialects().baseUrl();

    private String code() {
        String location = new Browser(base).authorize(base + "/api/sso/authz/oauth/v20/authorize?" + query(
                "client_id", CLIENT, "response_type", "code", "redirect_uri", CALLBACK), "admin", "admin-pass");
        String code = Wire.query(location).get("code");
        matches(UUID4, code);
        return code;
    }

    /** Product document: GET /api/sso/authz/oauth/v20/token?client_id=…&code=…&client_secret=client_secret. */
    @Test
    void tokenByGetAsTheSeedShowsIt() {
        Http.Reply reply = Wire.get(base + "/api/sso/authz/oauth/v20/token?" + query("client_id", CLIENT,
                "grant_type", "authorization_code", "redirect_uri", CALLBACK, "code", code(), "client_secret",
                "client_secret"));
        JsonObject body = json(reply, 200, "access_token", "token_type", "expires_in", "scope");
        matches(UUID4, body.getString("access_token"));
        assertEquals("bearer", body.getString("token_type"));
        int expiresIn = body.getInteger("expires_in");
        assertTrue(expiresIn > 17_900 && expiresIn <= 18_000, "remaining seconds of 18000: " + expiresIn);
        assertEquals("authorization_code phone email profile", body.getString("scope"));
    }

    /** Product document: the POST example with its stray spaces and line breaks between the form fields. */
    @Test
    void tokenByPostWithTheSeedsStrayWhitespace() {
        String body = "code= " + code() + "&\nclient_id=QPKKKSADFUP876&\nclient_secret=client_secret&\n"
                + "grant_type=authorization_code&\nredirect_uri=" + CALLBACK;
        JsonObject token = json(Wire.post(base + "/api/sso/authz/oauth/v20/token", FORM, body), 200,
                "access_token", "token_type", "expires_in", "scope");
        String at = token.getString("access_token");

        JsonObject me = json(Wire.post(base + "/api/sso/authz/oauth/v20/me", FORM, "access_token= " + at), 200,
                ME_KEYS);
        assertNull(me.getValue("birthday"));
        assertEquals(1, me.getValue("gender"));
        assertEquals("系统管理员", me.getString("displayName"));
        assertEquals("", me.getString("departmentId"));
        assertEquals("", me.getString("mobile"));
        matches(Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"), me.getString("createdate"));
        assertEquals("系统管理员", me.getString("title"));
        assertEquals("1", me.getString("userId"));
        matches(Pattern.compile("OT_\\d+"), me.getString("online_ticket"));
        assertEquals("", me.getString("employeeNumber"));
        assertEquals("系统管理员", me.getString("realname"));
        assertEquals("1", me.getString("institution"));
        matches(UUID4, me.getString("randomId"));
        assertEquals("1", me.getString("id"), "the derivative's own field, = userId");
        assertEquals("北京", me.getString("state"));
        assertEquals("", me.getString("department"));
        assertEquals("admin", me.getString("user"));
        assertEquals("", me.getString("email"));
        assertEquals("admin", me.getString("username"));

        JsonObject stockPath = json(Wire.get(base + "/api/sso/api/oauth/v20/me?access_token=" + at), 200, ME_KEYS);
        assertEquals("1", stockPath.getString("id"));
    }

    @Test
    void errorsAreHttp200LikeMaxKeys() {
        JsonObject badSecret = json(Wire.get(base + "/api/sso/authz/oauth/v20/token?" + query("client_id", CLIENT,
                "grant_type", "authorization_code", "redirect_uri", CALLBACK, "code",
                "c07db97a-fde8-4e17-8fb9-735637980774", "client_secret", "wrong")), 200, "error",
                "error_description");
        assertEquals("invalid_client", badSecret.getString("error"));
        JsonObject usedCode = json(Wire.get(base + "/api/sso/authz/oauth/v20/token?" + query("client_id", CLIENT,
                "grant_type", "authorization_code", "redirect_uri", CALLBACK, "code",
                "c07db97a-fde8-4e17-8fb9-735637980774", "client_secret", "client_secret")), 200);
        assertEquals("invalid_grant", usedCode.getString("error"));
        JsonObject me = json(Wire.post(base + "/api/sso/authz/oauth/v20/me", FORM,
                "access_token= PQ7q7W91a-oMsCeLvIaQm6bTrgtp7"), 200);
        assertEquals("token Format Invalid", me.getString("error"));
    }
}
