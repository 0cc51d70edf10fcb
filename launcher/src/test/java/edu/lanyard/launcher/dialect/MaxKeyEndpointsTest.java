package edu.lanyard.launcher.dialect;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.sun.net.httpserver.HttpServer;
import edu.lanyard.launcher.Browser;
import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static edu.lanyard.launcher.dialect.Wire.FORM;
import static edu.lanyard.launcher.dialect.Wire.json;
import static edu.lanyard.launcher.dialect.Wire.matches;
import static edu.lanyard.launcher.dialect.Wire.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MaxKey's other endpoints (docs/products.md C.5) on {@code /sign}, {@code /maxkey} and {@code /api/sso}:
 * introspect, check_token, OIDC userinfo (JSON and signed JWT), discovery and JWKS (read by nimbus), and the JSON
 * logout API with its back-channel notice received by a real HTTP server.
 */
class MaxKeyEndpointsTest {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String APP = "mk-ep-" + RUN;
    private static final String JWT_APP = "mk-jwt-" + RUN;
    private static final String OPEN_APP = "mk-open-" + RUN;
    private static final String AUTHZ_APP = "mk-authz-" + RUN;
    private static final String SECRET = "mk-endpoints-secret-0123456789";
    private static final String CALLBACK = "http://app.maxkey.org/ep/callback";
    private static final LinkedBlockingQueue<String> NOTICES = new LinkedBlockingQueue<>();
    private static final String base = LanyardTestServer.sharedDialects().baseUrl();
    private static HttpServer app;

    @BeforeAll
    static void importClients() throws IOException {
        app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        app.createContext("/logout", exchange -> {
            NOTICES.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type")
                    + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        app.start();
        String logoutUrl = "http://127.0.0.1:" + app.getAddress().getPort() + "/logout";
        Path file = Files.createTempFile("mk-endpoints", ".yaml");
        try {
            Files.writeString(file, """
                    clients:
                      - client_id: %1$s
                        client_secret: %5$s
                        dialect: maxkey
                        redirect_uris: ["%6$s"]
                        grant_types: [authorization_code, password, client_credentials, refresh_token]
                        scopes: [openid, profile, email, phone, read]
                        options: {logoutUrl: "%7$s"}
                      - client_id: %2$s
                        client_secret: %5$s
                        dialect: maxkey
                        redirect_uris: ["%6$s"]
                        grant_types: [password]
                        scopes: [openid, profile, email]
                        options: {userinfoJwt: true}
                      - client_id: %3$s
                        client_secret: %5$s
                        dialect: maxkey
                        redirect_uris: ["%6$s"]
                        grant_types: [password, client_credentials]
                        scopes: [read]
                        options: {openIntrospection: true}
                      - client_id: %4$s
                        client_secret: %5$s
                        dialect: authz
                        redirect_uris: ["%6$s"]
                        grant_types: [password]
                        scopes: [profile]
                    """.formatted(APP, JWT_APP, OPEN_APP, AUTHZ_APP, SECRET, CALLBACK, logoutUrl));
            LanyardTestServer.sharedDialects().importFile(file);
        } finally {
            Files.deleteIfExists(file);
        }
        for (String client : List.of(APP, JWT_APP, OPEN_APP)) {
            awaitClient("/sign", client);
        }
        awaitClient("/api/sso", AUTHZ_APP);
    }

    @AfterAll
    static void stopApp() {
        app.stop(0);
    }

    /** Imported clients reach a running node's cache shortly after the import. */
    private static void awaitClient(String prefix, String client) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < until) {
            if (Wire.get(base + prefix + "/authz/oauth/v20/token?" + query("client_id", client, "client_secret",
                    SECRET, "grant_type", "password", "username", "admin", "password", "admin-pass"))
                    .json().containsKey("access_token")) {
                return;
            }
            sleep(200);
        }
        throw new AssertionError(client + " was not imported");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String passwordToken(String prefix, String client, String scope) {
        return Wire.get(base + prefix + "/authz/oauth/v20/token?" + query("client_id", client, "client_secret",
                SECRET, "grant_type", "password", "username", "admin", "password", "admin-pass", "scope", scope))
                .json().getString("access_token");
    }

    // ---- introspect ----

    @Test
    void introspectAnswersMaxKeysShapeToAnAuthenticatedClient() {
        String at = passwordToken("/sign", APP, "read");
        for (String prefix : List.of("/sign", "/maxkey")) {
            JsonObject body = json(Wire.post(base + prefix + "/authz/oauth/v20/introspect", FORM,
                    query("client_id", APP, "client_secret", SECRET, "token", at)), 200, "token", "active", "sub");
            assertEquals(at, body.getString("token"));
            assertEquals(true, body.getBoolean("active"));
            assertEquals("admin", body.getString("sub"));
        }
        JsonObject byBearer = json(Wire.get(base + "/sign/authz/oauth/v20/introspect?" + query("client_id", APP,
                "client_secret", SECRET), "Authorization", "Bearer " + at), 200, "token", "active", "sub");
        assertEquals(true, byBearer.getBoolean("active"), "the token is found where /me finds it");
        String unknown = UUID.randomUUID().toString();
        JsonObject inactive = json(Wire.get(base + "/sign/authz/oauth/v20/introspect?" + query("client_id", APP,
                "client_secret", SECRET, "access_token", unknown)), 200, "token", "active");
        assertEquals(false, inactive.getBoolean("active"));
        String clientToken = Wire.get(base + "/sign/authz/oauth/v20/token?" + query("client_id", APP,
                "client_secret", SECRET, "grant_type", "client_credentials")).json().getString("access_token");
        assertEquals(APP, json(Wire.get(base + "/sign/authz/oauth/v20/introspect?" + query("client_id", APP,
                "client_secret", SECRET, "token", clientToken)), 200).getString("sub"),
                "a client_credentials token's sub is the client");
    }

    @Test
    void introspectNeedsClientAuthenticationUnlessTheTokensClientOptedIn() {
        String guarded = passwordToken("/sign", APP, "read");
        JsonObject anonymous = json(Wire.get(base + "/sign/authz/oauth/v20/introspect?token=" + guarded), 200,
                "token", "active");
        assertEquals(false, anonymous.getBoolean("active"), "Lanyard's default: anonymous callers learn nothing");
        String open = passwordToken("/sign", OPEN_APP, "read");
        JsonObject opened = json(Wire.get(base + "/sign/authz/oauth/v20/introspect?token=" + open), 200,
                "token", "active", "sub");
        assertEquals(true, opened.getBoolean("active"), "openIntrospection: MaxKey's unauthenticated answer");
        JsonObject foreign = json(Wire.get(base + "/sign/authz/oauth/v20/introspect?" + query("client_id", APP,
                "client_secret", SECRET, "token", open)), 200, "token", "active");
        assertEquals(false, foreign.getBoolean("active"), "another client's token is not shown to a client");
        JsonObject badSecret = json(Wire.get(base + "/sign/authz/oauth/v20/introspect?" + query("client_id", APP,
                "client_secret", "wrong", "token", guarded)), 200, "error", "error_description");
        assertEquals("invalid_client", badSecret.getString("error"));
        JsonObject missing = json(Wire.get(base + "/sign/authz/oauth/v20/introspect"), 200);
        assertEquals("invalid_request", missing.getString("error"));
    }

    @Test
    void introspectAndCheckTokenOnTheApiSsoDerivative() {
        String at = passwordToken("/api/sso", AUTHZ_APP, "profile");
        assertEquals(true, json(Wire.get(base + "/api/sso/authz/oauth/v20/introspect?" + query("client_id",
                AUTHZ_APP, "client_secret", SECRET, "token", at)), 200, "token", "active", "sub")
                .getBoolean("active"));
        assertEquals(true, json(Wire.get(base + "/api/sso/authz/oauth/v20/check_token?" + query("client_id",
                AUTHZ_APP, "client_secret", SECRET, "token", at)), 200).getBoolean("active"));
    }

    // ---- check_token ----

    @Test
    void checkTokenAnswersSpringsShape() {
        String at = passwordToken("/sign", APP, "read profile");
        JsonObject body = json(Wire.post(base + "/sign/authz/oauth/v20/check_token", FORM, query("token", at),
                "Authorization", Wire.basic(APP, SECRET)), 200, "user_name", "scope", "exp", "client_id", "active");
        assertEquals("admin", body.getString("user_name"));
        assertEquals(List.of("read", "profile"), body.getJsonArray("scope").getList());
        assertTrue(body.getValue("exp") instanceof Number);
        assertEquals(APP, body.getString("client_id"));
        JsonObject unknown = json(Wire.post(base + "/sign/authz/oauth/v20/check_token", FORM,
                query("token", UUID.randomUUID().toString()), "Authorization", Wire.basic(APP, SECRET)), 400,
                "error", "error_description");
        assertEquals("invalid_token", unknown.getString("error"));
        assertEquals("Token was not recognised", unknown.getString("error_description"));
        assertEquals("invalid_request", json(Wire.post(base + "/sign/authz/oauth/v20/check_token", FORM, "",
                "Authorization", Wire.basic(APP, SECRET)), 400).getString("error"));
        assertEquals("invalid_client", json(Wire.post(base + "/maxkey/authz/oauth/v20/check_token", FORM,
                query("token", at), "Authorization", Wire.basic(APP, "wrong")), 401).getString("error"));
        json(Wire.post(base + "/sign/authz/oauth/v20/check_token", FORM, query("token", at)), 400,
                "error", "error_description");
    }

    // ---- OIDC userinfo ----

    @Test
    void oidcUserinfoIsJsonWithMaxKeysClaimsPerScope() {
        String at = passwordToken("/sign", APP, "openid profile email");
        JsonObject body = json(Wire.get(base + "/sign/api/connect/v10/userinfo", "Authorization", "Bearer " + at),
                200);
        assertEquals(List.of("sub", "institution", "online_ticket", "userId", "user", "name", "preferred_username",
                "given_name", "family_name", "middle_name", "nickname", "displayName", "departmentId", "department",
                "gender", "zoneinfo", "locale", "updated_time", "birthdate", "email", "email_verified"),
                List.copyOf(body.fieldNames()));
        assertEquals("admin-subject", body.getString("sub"));
        assertEquals("male", body.getString("gender"));
        assertEquals("admin", body.getString("preferred_username"));
        assertEquals(false, body.getBoolean("email_verified"));
        matches(Pattern.compile("OT_\\d+"), body.getString("online_ticket"));
        JsonObject narrow = json(Wire.get(base + "/maxkey/api/connect/v10/userinfo?access_token="
                + passwordToken("/sign", APP, "read")), 200, "sub", "institution", "online_ticket");
        assertEquals("1", narrow.getString("institution"));
        JsonObject bad = json(Wire.get(base + "/sign/api/connect/v10/userinfo?access_token=not-a-uuid"), 200,
                "error", "error_description");
        assertEquals("token Format Invalid", bad.getString("error"));
        assertEquals("invalid_token", json(Wire.get(base + "/sign/api/connect/v10/userinfo?access_token="
                + UUID.randomUUID()), 200).getString("error"));
    }

    @Test
    void oidcUserinfoIsASignedJwtForAClientConfiguredSo() throws Exception {
        String at = passwordToken("/sign", JWT_APP, "openid profile email");
        Http.Reply reply = Wire.post(base + "/sign/api/connect/v10/userinfo", FORM, "access_token=" + at);
        assertEquals(200, reply.status(), reply.body());
        assertEquals("application/jwt", reply.header("Content-Type"));
        SignedJWT jwt = SignedJWT.parse(reply.body());
        assertTrue(verifies(jwt, JWKSet.parse(Wire.get(base + "/sign/authz/oauth/v20/jwks").body())));
        assertEquals("admin-subject", jwt.getJWTClaimsSet().getSubject());
        assertEquals(List.of(JWT_APP), jwt.getJWTClaimsSet().getAudience());
        assertEquals("admin", jwt.getJWTClaimsSet().getStringClaim("preferred_username"));
    }

    private static boolean verifies(SignedJWT jwt, JWKSet keys) throws Exception {
        JWK key = keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertNotNull(key, "the signing key is in the JWKS");
        JWSVerifier verifier = new DefaultJWSVerifierFactory().createJWSVerifier(jwt.getHeader(),
                ((RSAKey) key).toRSAPublicKey());
        return jwt.verify(verifier);
    }

    // ---- discovery and JWKS, read by nimbus ----

    @Test
    void discoveryPointsAtTheMountAndItsKeysVerifyAnIdTokenFromTheMaxKeyTokenEndpoint() throws Exception {
        for (String path : List.of("/sign/authz/oauth/v20/.well-known/openid-configuration",
                "/sign/authz/oauth/v20/1/" + APP + "/.well-known/openid-configuration")) {
            Http.Reply reply = Wire.get(base + path);
            assertEquals(200, reply.status(), reply.body());
            OIDCProviderMetadata metadata = OIDCProviderMetadata.parse(reply.body());
            assertEquals(base + "/sign/authz/oauth/v20/token", metadata.getTokenEndpointURI().toString());
            assertEquals(base + "/sign/api/connect/v10/userinfo", metadata.getUserInfoEndpointURI().toString());
            assertEquals(base + "/sign/authz/oauth/v20/jwks", metadata.getJWKSetURI().toString());
        }
        OIDCProviderMetadata metadata = OIDCProviderMetadata.parse(
                Wire.get(base + "/maxkey/authz/oauth/v20/.well-known/openid-configuration").body());
        assertEquals(base + "/maxkey/authz/oauth/v20/authorize", metadata.getAuthorizationEndpointURI().toString());

        Browser browser = new Browser(base);
        String location = browser.authorize(base + "/sign/authz/oauth/v20/authorize?" + query("client_id", APP,
                "response_type", "code", "redirect_uri", CALLBACK, "scope", "openid profile", "nonce", "n-1"),
                "admin", "admin-pass");
        String code = Wire.query(location).get("code");
        JsonObject token = json(Wire.post(base + "/sign/authz/oauth/v20/token", FORM, query("client_id", APP,
                "client_secret", SECRET, "grant_type", "authorization_code", "redirect_uri", CALLBACK, "code",
                code)), 200);
        SignedJWT idToken = SignedJWT.parse(token.getString("id_token"));
        JWKSet keys = JWKSet.load(metadata.getJWKSetURI().toURL());
        assertTrue(verifies(idToken, keys), "the id_token verifies with the discovered keys");
        assertEquals(metadata.getIssuer().getValue(), idToken.getJWTClaimsSet().getIssuer());
        assertEquals("n-1", idToken.getJWTClaimsSet().getStringClaim("nonce"));
    }

    // ---- logout ----

    @Test
    void logoutEndsTheSessionRevokesItsTokensAndNotifiesTheVisitedApp() throws Exception {
        Browser browser = new Browser(base);
        String location = browser.authorize(base + "/sign/authz/oauth/v20/authorize?" + query("client_id", APP,
                "response_type", "code", "redirect_uri", CALLBACK, "scope", "read"), "admin", "admin-pass");
        String at = json(Wire.post(base + "/sign/authz/oauth/v20/token", FORM, query("client_id", APP,
                "client_secret", SECRET, "grant_type", "authorization_code", "redirect_uri", CALLBACK, "code",
                Wire.query(location).get("code"))), 200).getString("access_token");
        String ticket = json(Wire.get(base + "/sign/api/oauth/v20/me?access_token=" + at), 200)
                .getString("online_ticket");
        NOTICES.clear();

        Http.Reply reply = browser.get(base + "/sign/logout");
        JsonObject answer = json(reply, 200, "code", "message");
        assertEquals(0, answer.getInteger("code"));

        assertEquals("invalid_token", json(Wire.get(base + "/sign/api/oauth/v20/me?access_token=" + at), 200)
                .getString("error"), "the tokens of the session's apps are revoked");
        String notice = NOTICES.poll(20, TimeUnit.SECONDS);
        assertNotNull(notice, "the visited app got a back-channel notice");
        assertTrue(notice.startsWith("POST application/x-www-form-urlencoded "), notice);
        Map<String, String> form = Browser.params("http://x/?" + notice.substring(notice.lastIndexOf(' ') + 1),
                false);
        assertEquals(List.of("id", "principal", "request", "issueInstant", "ticket"), List.copyOf(form.keySet()));
        assertEquals("admin", form.get("principal"));
        assertEquals("logoutRequest", form.get("request"));
        assertEquals(ticket, form.get("ticket"), "the ticket is the session's online ticket");
        matches(Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"), form.get("issueInstant"));

        JsonObject again = json(browser.get(base + "/sign/logout"), 200, "code", "message");
        assertEquals(0, again.getInteger("code"), "logout without a session still succeeds");
        assertFalse(NOTICES.poll(1, TimeUnit.SECONDS) != null, "and notifies nobody");
    }
}
