package edu.lanyard.launcher.dialect;

import edu.lanyard.launcher.Browser;
import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import edu.lanyard.launcher.LogCapture;
import edu.lanyard.launcher.RawHttp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static edu.lanyard.launcher.dialect.Wire.FORM;
import static edu.lanyard.launcher.dialect.Wire.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server's log never shows a credential. A server of its own runs while everything it writes to its standard
 * streams is captured, raw (without the redacting stream the launcher puts in front of them, so that this proves
 * Lanyard's own log calls clean, not just the safety net), and serves normal and hostile traffic: every grant on
 * every dialect, the password grant as GET and as POST, wrong secrets and passwords, malformed encodings with
 * credentials beside them, Basic and Bearer headers, introspection, revocation, profiles, userinfo, browser
 * sign-ins with a wrong and a right password. Then the log is searched for every secret, password, code and token
 * that traffic carried or received.
 */
class LogSecrecyTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PROJECTOR_STARTED = "from the offsets stored in Postgres";
    private static final Pattern HIDDEN = Pattern.compile("name=\"(csrf|rid)\" value=\"([^\"]*)\"");

    /** Everything that must not appear in the log. */
    private final Set<String> secrets = new LinkedHashSet<>();
    private String base;

    @Test
    void theLogNeverShowsACredential() {
        String log;
        try (LogCapture capture = LogCapture.start()) {
            LanyardTestServer server = LanyardTestServer.builder().importing("/dialect-clients.yaml").start();
            try {
                base = server.baseUrl();
                traffic();
                // On a busy machine the projector may start after the traffic is done; its lines must be in the log
                // before the server stops, or the check below would not cover its thread.
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (!capture.text().contains(PROJECTOR_STARTED) && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            } finally {
                server.close();
            }
            log = capture.text();
        }

        // The capture must hold this server's log, from its start (on the main thread and on Hazelcast's) to its
        // end, or the search below proves nothing. Its cluster is new, so it generates the signing keys itself.
        assertTrue(log.contains("generated the first RS256 signing key of the cluster"), "no server start in: "
                + log);
        assertTrue(log.contains(PROJECTOR_STARTED), "no line of the projector's thread in: "
                + log);
        assertTrue(log.contains("lanyard-projector - Shutdown completed"), "the capture ended before the server: "
                + log);
        assertTrue(secrets.size() > 60, "the traffic carried " + secrets.size() + " secrets");

        List<String> leaks = new ArrayList<>();
        for (String secret : secrets) {
            for (String line : log.split("\n")) {
                if (line.contains(secret)) {
                    leaks.add(secret + " in: " + line);
                }
            }
        }
        assertTrue(leaks.isEmpty(), "credentials in the log:\n" + String.join("\n", leaks));
        for (String requestFailure : List.of("Unhandled exception in router", "unexpected failure",
                "unhandled failure on", "Error in error handler")) {
            assertFalse(log.contains(requestFailure), "a request failed on the server: " + requestFailure + "\n"
                    + log);
        }
    }

    private void traffic() {
        ketanyun();
        maxKey("/sign", "maxkey-app", "maxkey-secret-0123456789");
        maxKey("/maxkey", "maxkey-app", "maxkey-secret-0123456789");
        authz();
        cas();
        php();
        standard();
        browserSignIns();
        hostileRequestLines();
    }

    // ---- the dialects ----

    private void ketanyun() {
        String id = "PSeNH9E4fo7yum02YzMw";
        String secret = keep("ketanyun-secret-0123456789");
        String password = keep("ketanyun-pass");
        String grant = query("grant_type", "password", "client_id", id, "client_secret", secret, "username",
                "test@163.com", "password", password, "scope", "profile openid");
        JsonObject byQuery = harvest(Wire.post(base + "/sso/oauth2/token?" + grant, FORM, ""));
        harvest(Wire.post(base + "/sso/oauth2/token", FORM, grant));
        harvest(Wire.get(base + "/sso/oauth2/token?" + grant));
        harvest(Wire.post(base + "/sso/oauth2/token", FORM, query("grant_type", "password", "username",
                "test@163.com", "password", password), "Authorization", basic(id, secret)));
        wrongCredentials("/sso/oauth2/token", id, secret, "test@163.com");
        harvest(Wire.post(base + "/sso/oauth2/token", FORM, query("grant_type", "refresh_token", "client_id", id,
                "client_secret", secret, "refresh_token", byQuery.getString("refresh_token"))));
        malformed("/sso/oauth2/token", grant);
        String at = byQuery.getString("access_token");
        harvest(Wire.post(base + "/sso/oauth2/introspect?token=" + at, null, ""));
        harvest(Wire.post(base + "/sso/oauth2/introspect", FORM, "token=" + at, "Authorization", basic(id, secret)));
        RawHttp.postForm(base, "/sso/oauth2/introspect?token=" + at + "&x=%zz", new byte[0]);
    }

    private void maxKey(String prefix, String id, String secret) {
        keep(secret);
        String password = keep("admin-pass");
        String grant = query("client_id", id, "client_secret", secret, "grant_type", "password", "username", "admin",
                "password", password, "scope", "read openid");
        JsonObject byGet = harvest(Wire.get(base + prefix + "/oauth/v20/token?" + grant));
        harvest(Wire.post(base + prefix + "/oauth/v20/token", FORM, grant));
        harvest(Wire.post(base + prefix + "/oauth2/token?" + grant, null, ""));
        harvest(Wire.get(base + prefix + "/oauth/v20/token?" + query("client_id", id, "client_secret", secret,
                "grant_type", "client_credentials")));
        harvest(Wire.get(base + prefix + "/oauth/v20/token?" + query("client_id", id, "client_secret", secret,
                "grant_type", "refresh_token", "refresh_token", byGet.getString("refresh_token"))));
        wrongCredentials(prefix + "/oauth/v20/token", id, secret, "admin");
        malformed(prefix + "/oauth/v20/token", grant);
        String at = byGet.getString("access_token");
        harvest(Wire.get(base + prefix + "/api/oauth/v20/me?access_token=" + at));
        harvest(Wire.get(base + prefix + "/api/oauth/v20/me", "Authorization", "Bearer " + at));
        harvest(Wire.get(base + prefix + "/api/oauth/v20/me", "Authorization", at));
        harvest(Wire.get(base + prefix + "/api/oauth/v20/me?token=" + fresh("not-a-uuid")));
        RawHttp.get(base, prefix + "/api/oauth/v20/me?access_token=" + at + "&x=%zz");
        RawHttp.get(base, prefix + "/api/oauth/v20/me?x=%C3%28", "Authorization: Bearer " + at);
    }

    private void authz() {
        // Its secret is the word "client_secret" itself, which the log may well contain: its tokens are checked.
        String grant = query("client_id", "QPKKKSADFUP876", "client_secret", "client_secret", "grant_type",
                "password", "username", "admin", "password", keep("admin-pass"));
        JsonObject token = harvest(Wire.get(base + "/api/sso/authz/oauth/v20/token?" + grant));
        malformed("/api/sso/authz/oauth/v20/token", grant);
        harvest(Wire.get(base + "/api/sso/authz/oauth/v20/me?access_token=" + token.getString("access_token")));
        harvest(Wire.post(base + "/api/sso/api/oauth/v20/me", FORM, "access_token=" + token.getString(
                "access_token")));
    }

    private void cas() {
        String id = "cas-flat";
        String secret = keep("cas-flat-secret-0123456789");
        String grant = query("grant_type", "password", "client_id", id, "client_secret", secret, "username", "lay",
                "password", keep("lay-pass"));
        Http.Reply text = Wire.get(base + "/cas/oauth2.0/accessToken?" + grant);
        harvestText(text.body());
        harvestText(Wire.post(base + "/cas/oauth2.0/token", FORM, grant).body());
        harvestText(Wire.post(base + "/cas/oauth2.0/accessToken", FORM, query("grant_type", "password", "username",
                "lay", "password", "lay-pass"), "Authorization", basic(id, secret)).body());
        wrongCredentials("/cas/oauth2.0/accessToken", id, secret, "lay");
        malformed("/cas/oauth2.0/accessToken", grant);
        String at = text.body().substring("access_token=".length(), text.body().indexOf('&'));
        harvest(Wire.get(base + "/cas/oauth2.0/profile?access_token=" + at));
        harvest(Wire.get(base + "/cas/oauth2.0/profile", "Authorization", "bearer " + at));
        RawHttp.get(base, "/cas/oauth2.0/profile?access_token=" + at + "&x=%FF");
    }

    private void php() {
        String id = "sso_admin_client";
        String secret = keep("admin-secret-0123456789");
        String grant = query("grant_type", "password", "client_id", id, "client_secret", secret, "username", "lay",
                "password", keep("lay-pass"));
        JsonObject byGet = harvest(Wire.get(base + "/token.php?" + grant));
        JsonObject byPost = harvest(Wire.post(base + "/token.php", FORM, grant));
        harvest(Wire.post(base + "/token.php", FORM, query("grant_type", "refresh_token", "client_id", id,
                "client_secret", secret, "refresh_token", byGet.getString("refresh_token"))));
        wrongCredentials("/token.php", id, secret, "lay");
        malformed("/token.php", grant);
        harvest(Wire.get(base + "/resource.php?access_token=" + byPost.getString("access_token")));
        RawHttp.get(base, "/resource.php?access_token=" + byPost.getString("access_token") + "&x=%00");
        harvest(Wire.get(base + "/logout.php?" + query("access_token", byPost.getString("access_token"),
                "refresh_token", byPost.getString("refresh_token"))));
    }

    private void standard() {
        String id = "standard-app";
        String secret = keep("standard-secret-0123456789");
        String password = keep("admin-pass");
        String form = query("grant_type", "password", "username", "admin", "password", password, "scope",
                "openid profile");
        JsonObject token = harvest(Wire.post(base + "/oauth2/token", FORM, form, "Authorization", basic(id, secret)));
        harvest(Wire.post(base + "/oauth2/token", FORM, form + "&" + query("client_id", id, "client_secret",
                secret)));
        // Not allowed here (POST, form body only), yet sent: the password and secret are in the URL.
        Wire.get(base + "/oauth2/token?" + form + "&" + query("client_id", id, "client_secret", secret));
        Wire.post(base + "/oauth2/token?" + form + "&" + query("client_id", id, "client_secret", secret), FORM, "");
        Wire.post(base + "/oauth2/token", "application/json", new JsonObject().put("grant_type", "password")
                .put("password", password).put("client_secret", secret).encode());
        wrongCredentials("/oauth2/token", id, secret, "admin");
        malformed("/oauth2/token", form + "&" + query("client_id", id, "client_secret", secret));
        harvest(Wire.post(base + "/oauth2/token", FORM, query("grant_type", "refresh_token", "refresh_token",
                token.getString("refresh_token")), "Authorization", basic(id, secret)));
        String at = token.getString("access_token");
        harvest(Wire.post(base + "/oauth2/introspect", FORM, "token=" + at, "Authorization", basic(id, secret)));
        harvest(Wire.post(base + "/oauth2/introspect", FORM, "token=" + at, "Authorization",
                basic(id, fresh("wrong-secret"))));
        harvest(Wire.get(base + "/oauth2/userinfo", "Authorization", "Bearer " + at));
        harvest(Wire.get(base + "/oauth2/userinfo", "Authorization", "Bearer " + fresh("unknown-token")));
        harvest(Wire.get(base + "/oauth2/userinfo?access_token=" + at, "Authorization", "Bearer " + at));
        RawHttp.get(base, "/oauth2/userinfo?x=%zz", "Authorization: Bearer " + at);
        harvest(Wire.post(base + "/oauth2/revoke", FORM, "token=" + at, "Authorization", basic(id, secret)));
        harvest(Wire.post(base + "/oauth2/revoke", FORM, "token=" + fresh("unknown") + "&token_type_hint="
                + "refresh_token", "Authorization", basic(id, secret)));
    }

    /** The standard code flow with a wrong and then the right password, and MaxKey's and CAS's code flows. */
    private void browserSignIns() {
        Browser browser = new Browser(base);
        String verifier = fresh("pkce-verifier-at-least-43-characters-long");
        String authorize = base + "/oauth2/authorize?" + query("client_id", "standard-app", "redirect_uri",
                "http://127.0.0.1:9000/cb", "response_type", "code", "scope", "openid profile", "state", "s1",
                "code_challenge", s256(verifier), "code_challenge_method", "S256");
        Http.Reply page = browser.get(authorize);
        Map<String, String> hidden = hidden(page.body());
        Http.Reply wrong = browser.postForm(base + "/oauth2/login", Http.form(Http.fields("csrf", hidden.get("csrf"),
                "rid", hidden.get("rid"), "username", "admin", "password", fresh("wrong-password"))));
        hidden = hidden(wrong.body());
        Http.Reply signedIn = browser.postForm(base + "/oauth2/login", Http.form(Http.fields("csrf",
                hidden.get("csrf"), "rid", hidden.get("rid"), "username", "admin", "password", keep("admin-pass"))));
        assertEquals(303, signedIn.status(), signedIn.body());
        String code = Wire.query(signedIn.header("Location")).get("code");
        assertTrue(code != null, signedIn.header("Location"));
        keep(code);
        String exchange = query("grant_type", "authorization_code", "code", code, "redirect_uri",
                "http://127.0.0.1:9000/cb", "code_verifier", verifier);
        String basic = basic("standard-app", "standard-secret-0123456789");
        Http.Reply exchanged = Wire.post(base + "/oauth2/token", FORM, exchange, "Authorization", basic);
        assertEquals(200, exchanged.status(), exchanged.body());
        JsonObject tokens = harvest(exchanged);
        Wire.post(base + "/oauth2/token", FORM, exchange, "Authorization", basic);
        harvest(Wire.get(base + "/oauth2/logout?" + query("id_token_hint", tokens.getString("id_token"))));

        Browser maxKeyBrowser = new Browser(base);
        String location = maxKeyBrowser.authorize(base + "/sign/oauth/v20/authorize?" + query("client_id",
                "maxkey-app", "response_type", "code", "redirect_uri", "http://app.maxkey.org/app/callback"),
                "admin", "admin-pass");
        String maxKeyCode = keep(Wire.query(location).get("code"));
        harvest(Wire.get(base + "/sign/oauth/v20/token?" + query("client_id", "maxkey-app", "client_secret",
                "maxkey-secret-0123456789", "grant_type", "authorization_code", "redirect_uri",
                "http://app.maxkey.org/app/callback", "code", maxKeyCode)));

        Browser casBrowser = new Browser(base);
        String casLocation = casBrowser.authorize(base + "/cas/oauth2.0/authorize?" + query("response_type", "code",
                "client_id", "cas-pac4j", "redirect_uri", "http://127.0.0.1:18081/callback"), "zhangsan",
                keep("zhangsan-pass"));
        String casCode = keep(Wire.query(casLocation).get("code"));
        harvestText(Wire.get(base + "/cas/oauth2.0/accessToken?" + query("grant_type", "authorization_code",
                "client_id", "cas-pac4j", "client_secret", keep("cas-pac4j-secret-0123456789"), "code", casCode,
                "redirect_uri", "http://127.0.0.1:18081/callback")).body());
        RawHttp.get(base, "/cas/oauth2.0/accessToken?grant_type=authorization_code&code=" + casCode + "&x=%zz");
    }

    /**
     * Credentials beside things no parser accepts, in the path, the request line and the headers. The server may
     * close such a connection before it has read all of the request; only what it logs matters here.
     */
    private void hostileRequestLines() {
        String secret = fresh("path-secret");
        List<Runnable> requests = List.of(
                () -> RawHttp.get(base, "/sso/oauth2/token/client_secret=" + secret + "%zz"),
                () -> RawHttp.get(base, "/oauth2/token%zz?client_secret=" + secret + "&password=" + fresh("pw")),
                () -> RawHttp.get(base, "/oauth2/token?client_secret=" + fresh("long-line") + "&x="
                        + "a".repeat(10_000)),
                () -> RawHttp.get(base, "/sign/oauth/v20/token?password=" + fresh("pw"), "Authorization: Basic "
                        + fresh("bad-basic") + "%%", "X-Filler: " + "b".repeat(20_000)),
                () -> RawHttp.send(base, "G\u0001T", "/token.php?password=" + fresh("pw"), null, null),
                () -> RawHttp.get(base, "/token.php?client_secret=" + fresh("nul") + "%00&password=" + fresh("pw")),
                () -> RawHttp.postForm(base, "/oauth2/token", ("grant_type=password&password=" + fresh("big")
                        + "&x=" + "c".repeat(70_000)).getBytes(StandardCharsets.US_ASCII), "Authorization: Basic "
                        + java.util.Base64.getEncoder().encodeToString(("standard-app:" + fresh("basic-secret"))
                        .getBytes(StandardCharsets.UTF_8))),
                () -> RawHttp.get(base, "/oauth2/userinfo", "Authorization: Bearer " + fresh("bearer") + "\u0000"));
        for (Runnable request : requests) {
            try {
                request.run();
            } catch (IllegalStateException connectionClosedEarly) {
                // see the method comment
            }
        }
    }

    // ---- helpers ----

    /** The common mistakes: a wrong secret (parameters and Basic), a wrong password, a made-up refresh token. */
    private void wrongCredentials(String path, String id, String secret, String username) {
        String wrongSecret = fresh("wrong-secret");
        String wrongPassword = fresh("wrong-password");
        harvest(Wire.get(base + path + "?" + query("grant_type", "password", "client_id", id, "client_secret",
                wrongSecret, "username", username, "password", wrongPassword)));
        harvest(Wire.post(base + path, FORM, query("grant_type", "password", "client_id", id, "client_secret",
                secret, "username", username, "password", wrongPassword)));
        harvest(Wire.post(base + path, FORM, query("grant_type", "password", "username", username, "password",
                wrongPassword), "Authorization", basic(id, fresh("wrong-basic"))));
        harvest(Wire.post(base + path, FORM, query("grant_type", "refresh_token", "client_id", id, "client_secret",
                secret, "refresh_token", fresh("made-up-refresh"))));
    }

    /** The request with bad encodings added, in the query string and in the form body. */
    private void malformed(String path, String validParameters) {
        for (String bad : List.of("%zz", "%C3%28", "%00", "%")) {
            RawHttp.get(base, path + "?" + validParameters + "&scope=" + bad);
            RawHttp.postForm(base, path + "?" + validParameters + "&scope=" + bad, new byte[0]);
            RawHttp.postForm(base, path, (validParameters + "&scope=" + bad).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String keep(String secret) {
        secrets.add(secret);
        return secret;
    }

    private String fresh(String label) {
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        return keep(label + "-" + HexFormat.of().formatHex(random));
    }

    private String basic(String id, String secret) {
        String header = Wire.basic(id, keep(secret));
        keep(header.substring("Basic ".length()));
        return header;
    }

    /** Keeps the tokens a JSON answer carries; an answer that is not JSON gives an empty object. */
    private JsonObject harvest(Http.Reply reply) {
        JsonObject body;
        try {
            body = new JsonObject(reply.body());
        } catch (RuntimeException notJson) {
            return new JsonObject();
        }
        for (String field : List.of("access_token", "refresh_token", "id_token")) {
            if (body.getValue(field) instanceof String value) {
                keep(value);
            }
        }
        return body;
    }

    /** CAS's text answer: {@code access_token=…&refresh_token=…&expires_in=…}. */
    private void harvestText(String body) {
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).endsWith("_token")) {
                keep(pair.substring(eq + 1));
            }
        }
    }

    private Map<String, String> hidden(String page) {
        Map<String, String> fields = new java.util.HashMap<>();
        Matcher m = HIDDEN.matcher(page);
        while (m.find()) {
            fields.put(m.group(1), keep(m.group(2).replace("&amp;", "&")));
        }
        assertTrue(fields.containsKey("rid"), "expected the login page: " + page);
        return fields;
    }
}
