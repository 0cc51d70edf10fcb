package edu.lanyard.launcher.dialect;

import edu.lanyard.launcher.Browser;
import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static edu.lanyard.launcher.dialect.Wire.FORM;
import static edu.lanyard.launcher.dialect.Wire.json;
import static edu.lanyard.launcher.dialect.Wire.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/products.md decision 2 (tokens are server-wide), one refresh family across dialects, and one SSO session for
 * all.
 */
class CrossDialectTest {
    private final String base = LanyardTestServer.sharedDialects().baseUrl();

    private String maxkeyToken() {
        return json(Wire.get(base + "/sign/oauth/v20/token?" + query("client_id", "maxkey-app", "client_secret",
                "maxkey-secret-0123456789", "grant_type", "password", "username", "admin", "password", "admin-pass",
                "scope", "read openid")), 200).getString("access_token");
    }

    @Test
    void aMaxKeyTokenWorksAtEveryOtherProfileEndpoint() {
        String at = maxkeyToken();
        assertEquals("1", json(Wire.get(base + "/api/sso/authz/oauth/v20/me?access_token=" + at), 200)
                .getString("id"));
        assertEquals("admin", json(Wire.get(base + "/cas/oauth2.0/profile?access_token=" + at), 200, "attributes",
                "id").getString("id"));
        assertEquals("admin", json(Wire.get(base + "/resource.php?access_token=" + at), 200).getString("uid"));
        assertEquals("admin-subject", json(Wire.get(base + "/oauth2/userinfo", "Authorization", "Bearer " + at), 200)
                .getString("sub"));
        assertEquals(new JsonObject().put("active", false),
                json(Wire.post(base + "/sso/oauth2/introspect?token=" + at, null, ""), 200),
                "Ketanyun's credential-less introspection answers only for Ketanyun clients' tokens");
        JsonObject introspection = json(Wire.post(base + "/sso/oauth2/introspect?token=" + at, null, "",
                "Authorization", Wire.basic("campus-api", "campus-api-secret-0123456789")), 200);
        assertEquals("password", introspection.getString("token_type"), "a resource server sees it on any mount");
        assertEquals("maxkey-app", introspection.getString("client_id"));
    }

    @Test
    void hexAndCasTokensWorkEverywhereExceptBehindMaxKeysUuidCheck() {
        String hex = json(Wire.post(base + "/sso/oauth2/token?" + query("grant_type", "password", "client_id",
                "PSeNH9E4fo7yum02YzMw", "client_secret", "ketanyun-secret-0123456789", "username", "lay",
                "password", "lay-pass"), FORM, ""), 200).getString("access_token");
        assertEquals("lay", json(Wire.get(base + "/resource.php?access_token=" + hex), 200).getString("uid"));
        assertEquals("lay", json(Wire.get(base + "/cas/oauth2.0/profile?access_token=" + hex), 200)
                .getString("id"));
        assertEquals("token Format Invalid", json(Wire.get(base + "/sign/api/oauth/v20/me?access_token=" + hex), 200)
                .getString("error"), "decision 2: MaxKey's format check before lookup is reproduced");

        Http.Reply cas = Wire.post(base + "/cas/oauth2.0/accessToken", FORM, query("grant_type", "password",
                "client_id", "cas-flat", "client_secret", "cas-flat-secret-0123456789", "username", "lay",
                "password", "lay-pass"));
        String at = cas.body().substring("access_token=".length(), cas.body().indexOf('&'));
        assertEquals("liaiyong", json(Wire.get(base + "/resource.php?access_token=" + at), 200)
                .getString("username"));
        assertTrue(json(Wire.post(base + "/oauth2/introspect", FORM, "token=" + at, "Authorization",
                Wire.basic("campus-api", "campus-api-secret-0123456789")), 200).getBoolean("active"));
        assertEquals(new JsonObject().put("active", false), json(Wire.post(base + "/oauth2/introspect", FORM,
                "token=" + at, "Authorization", Wire.basic("standard-app", "standard-secret-0123456789")), 200),
                "a client that is no resource server sees only its own tokens");
    }

    /** A standard client's refresh family, refreshed through CAS and the PHP SSO, rotates and is revoked as one. */
    @Test
    void oneRefreshFamilyAcrossDialects() {
        JsonObject first = json(Wire.post(base + "/oauth2/token", FORM, query("grant_type", "password", "username",
                "lay", "password", "lay-pass", "scope", "profile"), "Authorization",
                Wire.basic("standard-app", "standard-secret-0123456789")), 200);
        JsonObject viaPhp = json(Wire.get(base + "/token.php?" + query("grant_type", "refresh_token", "client_id",
                "standard-app", "client_secret", "standard-secret-0123456789", "refresh_token",
                first.getString("refresh_token"))), 200, "access_token", "expires_in", "refresh_token");
        Wire.matches(Wire.HEX32, viaPhp.getString("access_token"));
        assertNotEquals(first.getString("refresh_token"), viaPhp.getString("refresh_token"), "standard rotates");
        JsonObject viaCas = json(Wire.get(base + "/cas/oauth2.0/accessToken?" + query("grant_type", "refresh_token",
                "client_id", "standard-app", "client_secret", "standard-secret-0123456789", "refresh_token",
                viaPhp.getString("refresh_token"))), 200, "access_token", "token_type", "expires_in");
        Wire.matches(Wire.CAS_AT, viaCas.getString("access_token"));
        assertEquals(200, Wire.get(base + "/resource.php?access_token=" + viaCas.getString("access_token")).status());

        Http.Reply reuse = Wire.post(base + "/sso/oauth2/token?" + query("grant_type", "refresh_token", "client_id",
                "standard-app", "client_secret", "standard-secret-0123456789", "refresh_token",
                first.getString("refresh_token")), FORM, "");
        assertEquals("invalid_grant", json(reuse, 400).getString("error"));
        assertEquals(401, Wire.get(base + "/resource.php?access_token=" + viaCas.getString("access_token")).status(),
                "reuse through any dialect revokes the whole family");
    }

    /** Sign in through the standard endpoint; CAS's logout ends that session and revokes what it issued. */
    @Test
    void logoutThroughADialectEndsTheSharedSsoSession() {
        Browser browser = new Browser(base);
        String location = browser.authorize(base + "/oauth2/authorize?" + query("response_type", "code",
                "client_id", "standard-app", "redirect_uri", "http://127.0.0.1:9000/cb", "scope", "openid profile"),
                "lay", "lay-pass");
        String code = Wire.query(location).get("code");
        String at = json(Wire.post(base + "/oauth2/token", FORM, query("grant_type", "authorization_code", "code",
                code, "redirect_uri", "http://127.0.0.1:9000/cb"), "Authorization",
                Wire.basic("standard-app", "standard-secret-0123456789")), 200).getString("access_token");
        assertEquals(302, browser.get(base + "/sign/authz/oauth/v20/authorize?" + query("client_id", "maxkey-app",
                "response_type", "code", "redirect_uri", MaxKeyDialectTest.CALLBACK)).status(),
                "one session serves every dialect's authorize");

        assertEquals(200, browser.get(base + "/cas/logout").status());
        assertEquals(200, browser.get(base + "/oauth2/authorize?" + query("response_type", "code", "client_id",
                "standard-app", "redirect_uri", "http://127.0.0.1:9000/cb", "scope", "openid")).status(),
                "the login page again");
        assertEquals(401, Wire.get(base + "/oauth2/userinfo", "Authorization", "Bearer " + at).status(),
                "tokens issued in the session are revoked");
    }
}
