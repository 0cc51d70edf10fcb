package edu.lanyard.launcher.dialect;

import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import edu.lanyard.launcher.RawHttp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests that cannot be read — bad percent-encoding, bytes that are not UTF-8 and NUL characters in the query
 * string, the form body or the path; request lines and headers over the limits — at every endpoint of every
 * dialect. Each gets a well-formed invalid_request in the shape its dialect answers invalid_request with (MaxKey:
 * HTTP 200 JSON; CAS: 400 text {@code error=invalid_request}; PHP SSO: 400 bare JSON; Ketanyun and standard OAuth:
 * 400 JSON), or Lanyard's error page where a browser asked. Never a 500, a bare status, or a stack trace.
 */
class MalformedDialectRequestsTest {
    private static final String BASE = LanyardTestServer.sharedDialects().baseUrl();

    /** Values that cannot be decoded to text, as they appear on the wire. */
    private static final List<String> BAD_VALUES = List.of("%zz", "%", "%4", "%C3%28", "%FF", "%00", "a%00b");

    private record Endpoint(String path, boolean get, boolean post, String credentials, Consumer<Http.Reply> shape) {
    }

    private static final String KETANYUN = "client_id=PSeNH9E4fo7yum02YzMw&client_secret=ketanyun-secret-0123456789";
    private static final String MAXKEY = "client_id=maxkey-app&client_secret=maxkey-secret-0123456789";
    private static final String AUTHZ = "client_id=QPKKKSADFUP876&client_secret=client_secret";
    private static final String CAS = "client_id=cas-flat&client_secret=cas-flat-secret-0123456789";
    private static final String PHP = "client_id=php-rich&client_secret=php-rich-secret-0123456789";
    private static final String STANDARD = "client_id=standard-app&client_secret=standard-secret-0123456789";
    private static final String PASSWORD_GRANT = "&grant_type=password&username=admin&password=admin-pass";

    private static final List<Endpoint> API_ENDPOINTS = List.of(
            new Endpoint("/sso/oauth2/token", false, true, KETANYUN, MalformedDialectRequestsTest::ketanyun),
            new Endpoint("/sso/oauth2/introspect", false, true, KETANYUN, MalformedDialectRequestsTest::ketanyun),
            new Endpoint("/api/sso/authz/oauth/v20/token", true, true, AUTHZ, MalformedDialectRequestsTest::maxKey),
            new Endpoint("/sign/oauth/v20/token", true, true, MAXKEY, MalformedDialectRequestsTest::maxKey),
            new Endpoint("/sign/authz/oauth/v20/token", true, true, MAXKEY, MalformedDialectRequestsTest::maxKey),
            new Endpoint("/sign/oauth2/token", true, true, MAXKEY, MalformedDialectRequestsTest::maxKey),
            new Endpoint("/maxkey/oauth/v20/token", true, true, MAXKEY, MalformedDialectRequestsTest::maxKey),
            new Endpoint("/cas/oauth2.0/accessToken", true, true, CAS, MalformedDialectRequestsTest::casToken),
            new Endpoint("/cas/oauth2.0/token", true, true, CAS, MalformedDialectRequestsTest::casToken),
            new Endpoint("/token.php", true, true, PHP, MalformedDialectRequestsTest::php),
            new Endpoint("/oauth2/token", false, true, STANDARD, MalformedDialectRequestsTest::standard),
            new Endpoint("/oauth2/introspect", false, true, STANDARD, MalformedDialectRequestsTest::standard),
            new Endpoint("/oauth2/revoke", false, true, STANDARD, MalformedDialectRequestsTest::standard),
            // Profile endpoints: the token goes where the product looked for it.
            new Endpoint("/sign/api/oauth/v20/me", true, true, "", MalformedDialectRequestsTest::maxKey),
            new Endpoint("/maxkey/api/oauth/v20/me", true, true, "", MalformedDialectRequestsTest::maxKey),
            new Endpoint("/api/sso/authz/oauth/v20/me", true, true, "", MalformedDialectRequestsTest::maxKey),
            new Endpoint("/api/sso/api/oauth/v20/me", true, true, "", MalformedDialectRequestsTest::maxKey),
            // MaxKey's other endpoints (C.5); check_token is Spring's, answering 400 where MaxKey answers 200.
            new Endpoint("/sign/authz/oauth/v20/introspect", true, true, MAXKEY,
                    MalformedDialectRequestsTest::maxKey),
            new Endpoint("/api/sso/authz/oauth/v20/introspect", true, true, AUTHZ,
                    MalformedDialectRequestsTest::maxKey),
            new Endpoint("/maxkey/authz/oauth/v20/check_token", true, true, MAXKEY,
                    MalformedDialectRequestsTest::maxKeyOrSpring),
            new Endpoint("/sign/api/connect/v10/userinfo", true, true, "", MalformedDialectRequestsTest::maxKey),
            new Endpoint("/sign/logout", true, true, "", MalformedDialectRequestsTest::maxKey),
            new Endpoint("/cas/oauth2.0/profile", true, true, "", MalformedDialectRequestsTest::casProfile),
            new Endpoint("/resource.php", true, true, "", MalformedDialectRequestsTest::php),
            new Endpoint("/oauth2/userinfo", true, true, "", MalformedDialectRequestsTest::standard));

    private static final List<String> BROWSER_PATHS = List.of("/oauth2/authorize", "/oauth2/logout",
            "/sso/oauth2/authorize", "/sign/oauth/v20/authorize", "/cas/oauth2.0/authorize", "/cas/logout");

    /** The PHP SSO answered "no usable redirect" in JSON (E.1, E.4), and an unreadable request has none. */
    private static final List<String> PHP_BROWSER_PATHS = List.of("/authorize.php", "/logout.php");

    @Test
    void badEncodingInTheQueryString() {
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : API_ENDPOINTS) {
            for (String bad : BAD_VALUES) {
                String target = endpoint.path() + "?" + params(endpoint) + "&scope=" + bad + "&access_token=" + bad;
                if (endpoint.get()) {
                    check(failures, "GET " + target, RawHttp.get(BASE, target), endpoint.shape());
                }
                if (endpoint.post()) {
                    check(failures, "POST " + target, RawHttp.postForm(BASE, target, new byte[0]), endpoint.shape());
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void badEncodingInTheFormBody() {
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : API_ENDPOINTS) {
            if (!endpoint.post()) {
                continue;
            }
            for (String bad : BAD_VALUES) {
                String body = params(endpoint) + "&scope=" + bad;
                check(failures, "POST " + endpoint.path() + " body " + body,
                        RawHttp.postForm(BASE, endpoint.path(), body.getBytes(StandardCharsets.ISO_8859_1)),
                        endpoint.shape());
            }
            byte[] raw = {'s', 'c', 'o', 'p', 'e', '=', (byte) 0xC3, 0x28, '&', 'x', '=', (byte) 0xFF};
            check(failures, "POST " + endpoint.path() + " raw bytes that are not UTF-8",
                    RawHttp.postForm(BASE, endpoint.path(), raw), endpoint.shape());
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void badEncodingInThePathIsAnsweredInTheShapeOfTheDialectOwningThePrefix() {
        List<String> failures = new ArrayList<>();
        for (String bad : List.of("%zz", "%C3%28", "%00", "%")) {
            check(failures, "CAS path " + bad, RawHttp.get(BASE, "/cas/oauth2.0/accessToken" + bad),
                    MalformedDialectRequestsTest::casToken);
            check(failures, "MaxKey path " + bad, RawHttp.get(BASE, "/sign/oauth/v20/token" + bad),
                    MalformedDialectRequestsTest::maxKey);
            check(failures, "MaxKey profile path " + bad, RawHttp.get(BASE, "/sign/api/oauth/v20/me/" + bad),
                    MalformedDialectRequestsTest::maxKey);
            check(failures, "Ketanyun path " + bad, RawHttp.get(BASE, "/sso/oauth2/token" + bad),
                    MalformedDialectRequestsTest::ketanyun);
            check(failures, "PHP path " + bad, RawHttp.get(BASE, "/token.php/" + bad),
                    MalformedDialectRequestsTest::php);
            check(failures, "standard path " + bad, RawHttp.get(BASE, "/oauth2/token" + bad),
                    MalformedDialectRequestsTest::standard);
            check(failures, "root " + bad, RawHttp.get(BASE, "/" + bad), MalformedDialectRequestsTest::standard);
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void browsersGetAnErrorPageAndThePhpSsoItsJson() {
        List<String> failures = new ArrayList<>();
        for (String path : BROWSER_PATHS) {
            for (String bad : List.of("%zz", "%C3%28", "%00")) {
                String target = path + "?client_id=webapp&response_type=code&state=" + bad;
                check(failures, "GET " + target, RawHttp.get(BASE, target), MalformedDialectRequestsTest::page);
                check(failures, "POST " + path + " body state=" + bad, RawHttp.postForm(BASE, path,
                        ("client_id=webapp&state=" + bad).getBytes(StandardCharsets.ISO_8859_1)),
                        MalformedDialectRequestsTest::page);
            }
        }
        for (String path : PHP_BROWSER_PATHS) {
            for (String bad : List.of("%zz", "%C3%28", "%00")) {
                String target = path + "?client_id=webapp&response_type=code&state=" + bad;
                check(failures, "GET " + target, RawHttp.get(BASE, target), MalformedDialectRequestsTest::php);
                check(failures, "POST " + path + " body state=" + bad, RawHttp.postForm(BASE, path,
                        ("client_id=webapp&state=" + bad).getBytes(StandardCharsets.ISO_8859_1)),
                        MalformedDialectRequestsTest::php);
            }
        }
        check(failures, "login form", RawHttp.postForm(BASE, "/oauth2/login",
                "rid=x&username=admin&password=%zz".getBytes(StandardCharsets.ISO_8859_1)),
                MalformedDialectRequestsTest::page);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void oversizedRequestLinesAndHeadersGetAnOAuthError() {
        Http.Reply longLine = RawHttp.get(BASE, "/oauth2/token?scope=" + "a".repeat(10_000));
        assertEquals(414, longLine.status(), longLine.body());
        assertInvalidRequestJson(longLine);
        Http.Reply bigHeader = RawHttp.get(BASE, "/sign/oauth/v20/token", "X-Filler: " + "b".repeat(20_000));
        assertEquals(431, bigHeader.status(), bigHeader.body());
        assertInvalidRequestJson(bigHeader);
        Http.Reply garbage = RawHttp.send(BASE, "G\u0001T", "/oauth2/token", null, null);
        assertTrue(garbage.status() >= 400 && garbage.status() < 500, garbage.status() + " " + garbage.body());
    }

    @Test
    void theSameRequestsWellFormedStillWork() {
        // The guard must not reject what it should let through: UTF-8 that is percent-encoded or raw, '+', '%25'.
        Http.Reply token = RawHttp.get(BASE, "/sign/oauth/v20/token?" + MAXKEY + PASSWORD_GRANT
                + "&scope=read+openid&state=%25%E5%BC%A0");
        assertEquals(200, token.status(), token.body());
        assertNotNull(new JsonObject(token.body()).getString("access_token"), token.body());
        Http.Reply cas = RawHttp.postForm(BASE, "/cas/oauth2.0/accessToken", (CAS
                + "&grant_type=password&username=lay&password=lay-pass&note=张伟").getBytes(StandardCharsets.UTF_8));
        assertEquals(200, cas.status(), cas.body());
    }

    private static String params(Endpoint endpoint) {
        return endpoint.credentials().isEmpty() ? "x=1" : endpoint.credentials() + PASSWORD_GRANT;
    }

    private static void check(List<String> failures, String what, Http.Reply reply, Consumer<Http.Reply> shape) {
        try {
            assertFalse(reply.body().contains("Exception") || reply.body().contains("\tat "), reply.body());
            shape.accept(reply);
        } catch (AssertionError e) {
            failures.add(what + " -> " + reply.status() + " " + reply.header("Content-Type") + " " + reply.body()
                    + " (" + e.getMessage() + ")");
        }
    }

    // ---- the dialects' invalid_request ----

    private static void maxKey(Http.Reply reply) {
        assertEquals(200, reply.status(), "MaxKey answers errors with HTTP 200");
        assertEquals("invalid_request", json(reply).getString("error"));
    }

    private static void maxKeyOrSpring(Http.Reply reply) {
        assertTrue(reply.status() == 200 || reply.status() == 400, "MaxKey's 200 or Spring's 400");
        assertEquals("invalid_request", json(reply).getString("error"));
    }

    private static void casToken(Http.Reply reply) {
        assertEquals(400, reply.status());
        assertTrue(reply.header("Content-Type").startsWith("text/plain"), reply.header("Content-Type"));
        assertEquals("error=invalid_request", reply.body());
    }

    private static void casProfile(Http.Reply reply) {
        assertEquals(400, reply.status());
        assertEquals(new JsonObject().put("error", "invalid_request"), json(reply));
    }

    private static void php(Http.Reply reply) {
        assertEquals(400, reply.status());
        assertEquals(new JsonObject().put("error", "invalid_request"), json(reply), "no description unless debug");
    }

    private static void ketanyun(Http.Reply reply) {
        assertEquals(400, reply.status());
        assertEquals("invalid_request", json(reply).getString("error"));
    }

    private static void standard(Http.Reply reply) {
        assertEquals(400, reply.status());
        assertInvalidRequestJson(reply);
    }

    private static void assertInvalidRequestJson(Http.Reply reply) {
        JsonObject body = json(reply);
        assertEquals("invalid_request", body.getString("error"));
        assertNotNull(body.getString("error_description"));
        assertTrue(String.valueOf(reply.header("Cache-Control")).contains("no-store"), "no-store");
    }

    private static void page(Http.Reply reply) {
        assertEquals(400, reply.status());
        assertTrue(reply.header("Content-Type").startsWith("text/html"), reply.header("Content-Type"));
        assertNotNull(reply.header("Content-Security-Policy"), "the page's security headers");
        assertTrue(reply.body().contains("invalid_request"), "the error code is shown for the service desk");
    }

    private static JsonObject json(Http.Reply reply) {
        String type = reply.header("Content-Type");
        assertNotNull(type, "no Content-Type");
        assertTrue(type.startsWith("application/json"), type);
        return new JsonObject(reply.body());
    }
}
