package edu.lanyard.launcher.dialect;

import com.hazelcast.map.IMap;
import edu.lanyard.core.json.Jsons;
import edu.lanyard.core.store.StoreMaps;
import edu.lanyard.core.token.AccessTokenRecord;
import edu.lanyard.core.token.AuthorizationCodeRecord;
import edu.lanyard.core.token.TokenHash;
import edu.lanyard.launcher.Browser;
import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static edu.lanyard.launcher.dialect.Wire.CAS_AT;
import static edu.lanyard.launcher.dialect.Wire.CAS_OC;
import static edu.lanyard.launcher.dialect.Wire.CAS_RT;
import static edu.lanyard.launcher.dialect.Wire.json;
import static edu.lanyard.launcher.dialect.Wire.matches;
import static edu.lanyard.launcher.dialect.Wire.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/products.md D: Apereo CAS's OAuth 2.0 endpoints under {@code /cas}. */
class CasDialectTest {
    static final String CLIENT = "20180901";
    static final String SECRET = "123456";
    static final String APP = "http://127.0.0.1:8080/xxx/index.html";
    private final String base = LanyardTestServer.sharedDialects().baseUrl();
    private final String cas = base + "/cas";

    private String code(Browser browser, String redirectUri) {
        String location = browser.authorize(cas + "/oauth2.0/authorize?" + query("response_type", "code",
                "client_id", CLIENT, "redirect_uri", redirectUri), "zhangsan", "zhangsan-pass");
        assertTrue(location.startsWith(redirectUri + "?code=OC-"), location);
        String code = Wire.query(location).get("code");
        matches(CAS_OC, code);
        return code;
    }

    private JsonObject exchange(String code, String redirectUri) {
        Http.Reply reply = Wire.post(cas + "/oauth2.0/accessToken?" + query("grant_type", "authorization_code",
                "client_id", CLIENT, "client_secret", SECRET, "redirect_uri", redirectUri, "code", code),
                "application/x-www-form-urlencoded; charset=utf-8", "");
        return json(reply, 200, "access_token", "refresh_token", "token_type", "expires_in");
    }

    /** CAS document steps 2.1.1–2.1.3 (docs/products.md D.0): authorize, accessToken with URL parameters, profile. */
    @Test
    void codeTokenProfileAsTheSeedShowsThem() {
        JsonObject token = exchange(code(new Browser(base), APP), APP);
        matches(CAS_AT, token.getString("access_token"));
        matches(CAS_RT, token.getString("refresh_token"));
        assertEquals("bearer", token.getString("token_type"));
        assertEquals(28_800, token.getValue("expires_in"));

        JsonObject profile = json(Wire.get(cas + "/oauth2.0/profile?access_token=" + token.getString("access_token")),
                200, "attributes", "id");
        assertEquals("1", profile.getString("id"));
        JsonObject attributes = profile.getJsonObject("attributes");
        assertEquals("SinosoftCredential", attributes.getString("credentialType"));
        assertEquals("sinosoftRefreshToken0d9dbd9262574dc58378f371704c6e38",
                attributes.getString("sinosoftRefreshToken"));
        assertEquals("2022-06-14T16:30:00.993", attributes.getString("sinosoftRefreshTokenExpireTime"));
        assertEquals("2022-06-13 18:30:00", attributes.getString("sinosoftTokenExpireTime"));
        assertEquals(new JsonArray(List.of("systemcode1", "systemcode2", "systemcode3")),
                attributes.getJsonArray("systemCodes"));
        assertEquals("1", attributes.getString("id"));
        assertEquals("这里存储了根据不同主题返回的不同参数-sinosoft", attributes.getString("sinosoft"));
        assertEquals("{\"id\":\"1\",\"userType\":null,\"userName\":\"张三\",\"email\":\"zhangsan@qq.com\"}",
                attributes.getString("userinfo"), "userinfo stays a JSON-encoded string");
        assertEquals("sinosoftToken0e0e8864d9f443fd8509f28a1b84c6f8", attributes.getString("sinosoftToken"));
        assertEquals("工程师", attributes.getValue("title"), "a single-element list is unwrapped");

        JsonObject byHeader = json(Wire.get(cas + "/oauth2.0/profile", "Authorization",
                "BEARER " + token.getString("access_token")), 200, "attributes", "id");
        assertEquals("1", byHeader.getString("id"));
    }

    /** CAS document step 2.1.4 (docs/products.md D.2): a refresh answers only the new access token; no rotation. */
    @Test
    void refreshNeitherRotatesNorRepeatsTheRefreshToken() {
        String refresh = exchange(code(new Browser(base), APP), APP).getString("refresh_token");
        for (int i = 0; i < 2; i++) {
            JsonObject again = json(Wire.post(cas + "/oauth2.0/accessToken", Wire.FORM, query("grant_type",
                    "refresh_token", "client_id", CLIENT, "client_secret", SECRET, "refresh_token", refresh)), 200,
                    "access_token", "token_type", "expires_in");
            matches(CAS_AT, again.getString("access_token"));
            assertEquals(28_800, again.getInteger("expires_in"));
        }
    }

    /** CAS document step 3.1 (docs/products.md D.0): every step by GET with URL parameters; /oauth2.0/token too. */
    @Test
    void theIntegrationWalkthroughByGet() {
        String baidu = "http://www.baidu.com";
        String code = code(new Browser(base), baidu);
        JsonObject token = json(Wire.get(cas + "/oauth2.0/token?" + query("grant_type", "authorization_code",
                "client_id", CLIENT, "client_secret", SECRET, "redirect_uri", baidu, "code", code)), 200,
                "access_token", "refresh_token", "token_type", "expires_in");
        json(Wire.get(cas + "/oauth2.0/profile?access_token=" + token.getString("access_token")), 200);
    }

    /**
     * CAS document step 3.1 (docs/products.md D.2): "code的过期时间30秒否则会报错error=invalid_grant"; codes live 30 s and
     * redeem once.
     */
    @Test
    void codesLiveThirtySecondsAndFailAsTextInvalidGrant() throws Exception {
        String code = code(new Browser(base), APP);
        var codes = LanyardTestServer.sharedDialects().node().platform().codes();
        Optional<AuthorizationCodeRecord> record = codes.take(TokenHash.of(code)).toCompletionStage()
                .toCompletableFuture().get();
        assertTrue(record.isPresent());
        assertEquals(30, record.get().expiresAt() - record.get().issuedAt());
        Http.Reply expired = Wire.get(cas + "/oauth2.0/accessToken?" + query("grant_type", "authorization_code",
                "client_id", CLIENT, "client_secret", SECRET, "redirect_uri", APP, "code", code));
        assertEquals(400, expired.status());
        assertTrue(expired.header("Content-Type").startsWith("text/plain"), expired.header("Content-Type"));
        assertEquals("error=invalid_grant", expired.body());

        String used = code(new Browser(base), APP);
        exchange(used, APP);
        Http.Reply replay = Wire.get(cas + "/oauth2.0/accessToken?" + query("grant_type", "authorization_code",
                "client_id", CLIENT, "client_secret", SECRET, "redirect_uri", APP, "code", used));
        assertEquals("error=invalid_grant", replay.body());
    }

    /** D.2: CAS answered a wrong client secret like a bad code: 400 text/plain {@code error=invalid_grant}. */
    @Test
    void aWrongClientSecretIsTextInvalidGrant() {
        Http.Reply badSecret = Wire.get(cas + "/oauth2.0/accessToken?" + query("grant_type", "authorization_code",
                "client_id", CLIENT, "client_secret", "wrong", "redirect_uri", APP, "code", "OC-1-x"));
        assertEquals(400, badSecret.status());
        assertTrue(badSecret.header("Content-Type").startsWith("text/plain"), badSecret.header("Content-Type"));
        assertEquals("error=invalid_grant", badSecret.body());
        Http.Reply badBasic = Wire.post(cas + "/oauth2.0/accessToken", Wire.FORM, query("grant_type",
                "refresh_token", "refresh_token", "RT-1-unknown"), "Authorization", Wire.basic(CLIENT, "wrong"));
        assertEquals(400, badBasic.status());
        assertEquals("error=invalid_grant", badBasic.body());
        Http.Reply unknownClient = Wire.get(cas + "/oauth2.0/accessToken?" + query("grant_type", "refresh_token",
                "client_id", "no-such-client", "client_secret", "x", "refresh_token", "RT-1-unknown"));
        assertEquals("error=invalid_grant", unknownClient.body());
        Http.Reply noClient = Wire.get(cas + "/oauth2.0/accessToken?" + query("grant_type", "refresh_token",
                "refresh_token", "RT-1-unknown"));
        assertEquals(400, noClient.status());
        assertEquals("error=invalid_request", noClient.body(), "no client named: CAS's request verification");
    }

    /** D.0: option {@code tokenKeyOrder: cas5} writes 5.2/5.3's order; the default is 6.0/6.1's (the seed's). */
    @Test
    void tokenKeyOrderSwitch() {
        JsonObject five = json(Wire.post(cas + "/oauth2.0/accessToken", Wire.FORM, query("grant_type", "password",
                "client_id", "cas-five", "client_secret", "cas-five-secret-0123456789", "username", "zhangsan",
                "password", "zhangsan-pass")), 200, "access_token", "token_type", "expires_in", "refresh_token");
        matches(CAS_RT, five.getString("refresh_token"));
        json(Wire.post(cas + "/oauth2.0/accessToken", Wire.FORM, query("grant_type", "refresh_token",
                "client_id", "cas-five", "client_secret", "cas-five-secret-0123456789", "refresh_token",
                five.getString("refresh_token"))), 200, "access_token", "token_type", "expires_in");
    }

    private static IMap<String, String> accessTokens() {
        return LanyardTestServer.sharedDialects().node().infrastructure().hazelcast().getMap(StoreMaps.ACCESS_TOKENS);
    }

    private static AccessTokenRecord stored(String accessToken) {
        return Jsons.read(accessTokens().get(TokenHash.of(accessToken)), AccessTokenRecord.class);
    }

    /** Rewrites the shared store's record, as if the token's last use had been long ago. */
    private static void restore(String accessToken, AccessTokenRecord record) {
        accessTokens().set(TokenHash.of(accessToken), Jsons.write(record));
    }

    /**
     * D.2: "有效期2小时" is CAS's sliding {@code timeToKillInSeconds}: a token unused for 7200 s dies, each profile use
     * moves that deadline, never past the 28800 s of {@code expires_in}. The deadline lives in the cluster's store.
     */
    @Test
    void accessTokensDieAfterTwoIdleHoursAndEachUseExtendsThem() {
        String at = exchange(code(new Browser(base), APP), APP).getString("access_token");
        AccessTokenRecord issued = stored(at);
        assertEquals(7200, issued.idleSeconds());
        assertEquals(issued.issuedAt() + 7200, issued.idleUntil());
        assertEquals(issued.issuedAt() + 28_800, issued.expiresAt());

        long now = Instant.now().getEpochSecond();
        restore(at, issued.idleUntil(now + 2)); // last used 7198 s ago
        json(Wire.get(cas + "/oauth2.0/profile?access_token=" + at), 200, "attributes", "id");
        AccessTokenRecord used = stored(at);
        assertTrue(used.idleUntil() >= now + 7200 && used.idleUntil() <= now + 7210, "a use slides the deadline");
        assertEquals(issued.expiresAt(), used.expiresAt(), "the hard maximum stays");

        AccessTokenRecord nearTheEnd = new AccessTokenRecord(used.grantId(), used.clientId(), used.subject(),
                used.username(), used.scope(), used.grantType(), used.sessionId(), used.format(), used.issuedAt(),
                now + 100, used.claims(), used.idleSeconds(), now + 2);
        restore(at, nearTheEnd);
        json(Wire.get(cas + "/oauth2.0/profile", "Authorization", "Bearer " + at), 200, "attributes", "id");
        assertEquals(now + 100, stored(at).idleUntil(), "never past the hard maximum");

        restore(at, used.idleUntil(now)); // unused for 7200 s
        JsonObject expired = json(Wire.get(cas + "/oauth2.0/profile?access_token=" + at), 401, "error");
        assertEquals("expired_accessToken", expired.getString("error"));
    }

    /** {@code accessTokenIdleSeconds: 0}: the token lives its full expires_in, and a use writes nothing. */
    @Test
    void withoutTheIdleSwitchTokensLiveTheirFullLifetime() {
        JsonObject token = json(Wire.post(cas + "/oauth2.0/accessToken", Wire.FORM, query("grant_type", "password",
                "client_id", "cas-five", "client_secret", "cas-five-secret-0123456789", "username", "zhangsan",
                "password", "zhangsan-pass")), 200, "access_token", "token_type", "expires_in", "refresh_token");
        String at = token.getString("access_token");
        AccessTokenRecord issued = stored(at);
        assertEquals(0, issued.idleSeconds());
        assertEquals(0, issued.idleUntil());
        json(Wire.get(cas + "/oauth2.0/profile?access_token=" + at), 200, "attributes", "id");
        assertEquals(issued, stored(at));
    }

    /**
     * D.4 ({@code removeDescendantTickets}): {@code /cas/logout} ends the session and revokes the tokens the apps
     * visited in it hold: their access tokens answer expired_accessToken, their refresh tokens invalid_grant. A token
     * issued outside the session (password grant) is left alone.
     */
    @Test
    void logoutRevokesTheTokensOfTheAppsVisitedInTheSession() {
        Browser browser = new Browser(base);
        JsonObject first = exchange(code(browser, APP), APP);
        JsonObject second = exchange(code(browser, "http://www.baidu.com"), "http://www.baidu.com");
        String outside = json(Wire.post(cas + "/oauth2.0/accessToken", Wire.FORM, query("grant_type", "password",
                "client_id", "cas-five", "client_secret", "cas-five-secret-0123456789", "username", "zhangsan",
                "password", "zhangsan-pass")), 200).getString("access_token");

        Http.Reply logout = browser.get(cas + "/logout?service=" + "http://127.0.0.1:8700/");
        assertEquals(302, logout.status(), logout.body());
        assertEquals("http://127.0.0.1:8700/", logout.header("Location"));

        for (JsonObject token : List.of(first, second)) {
            JsonObject profile = json(Wire.get(cas + "/oauth2.0/profile?access_token="
                    + token.getString("access_token")), 401, "error");
            assertEquals("expired_accessToken", profile.getString("error"));
            Http.Reply refresh = Wire.post(cas + "/oauth2.0/accessToken", Wire.FORM, query("grant_type",
                    "refresh_token", "client_id", CLIENT, "client_secret", SECRET, "refresh_token",
                    token.getString("refresh_token")));
            assertEquals(400, refresh.status());
            assertEquals("error=invalid_grant", refresh.body());
        }
        json(Wire.get(cas + "/oauth2.0/profile?access_token=" + outside), 200);
    }

    @Test
    void requestErrorsAreTextInvalidRequest() {
        Http.Reply noCode = Wire.get(cas + "/oauth2.0/accessToken?" + query("grant_type", "authorization_code",
                "client_id", CLIENT, "client_secret", SECRET, "redirect_uri", APP));
        assertEquals("error=invalid_request", noCode.body());
        Http.Reply basic = Wire.get(cas + "/oauth2.0/accessToken?" + query("grant_type", "refresh_token",
                "refresh_token", "RT-1-unknown"), "Authorization", Wire.basic(CLIENT, SECRET));
        assertEquals("error=invalid_grant", basic.body(), "HTTP Basic authenticates the client too");
    }

    @Test
    void profileErrorsAre401JsonWithCamelCaseCodes() {
        JsonObject missing = json(Wire.get(cas + "/oauth2.0/profile"), 401, "error");
        assertEquals("missing_accessToken", missing.getString("error"));
        JsonObject expired = json(Wire.get(cas + "/oauth2.0/profile?access_token=AT-7-2-4okk2aK769iYk7LceQ2rF2ZXsBBL2l"),
                401, "error");
        assertEquals("expired_accessToken", expired.getString("error"));
    }

    @Test
    void perClientSwitchesTextTokenFlatProfileServiceKeys() {
        Http.Reply text = Wire.post(cas + "/oauth2.0/accessToken", Wire.FORM, query("grant_type", "password",
                "client_id", "cas-flat", "client_secret", "cas-flat-secret-0123456789", "username", "zhangsan",
                "password", "zhangsan-pass"));
        assertEquals(200, text.status(), text.body());
        assertTrue(text.header("Content-Type").startsWith("text/plain"));
        assertTrue(text.body().matches("access_token=AT-\\d+-[A-Za-z0-9_-]{32}&expires_in=28800"), text.body());
        String at = text.body().substring("access_token=".length(), text.body().indexOf('&'));
        JsonObject flat = json(Wire.get(cas + "/oauth2.0/profile?access_token=" + at), 200);
        assertEquals("zhangsan", flat.getString("id"));
        assertEquals("sinosoftToken0e0e8864d9f443fd8509f28a1b84c6f8", flat.getString("sinosoftToken"));
        assertEquals("cas-flat", flat.getString("client_id"));
        assertEquals("^http://127\\.0\\.0\\.1:8701/.*$", flat.getString("service"));
        assertTrue(flat.getJsonArray("systemCodes").size() == 3);
        assertNull(flat.getValue("attributes"));
    }

    @Test
    void logoutFollowsARegisteredServiceAndEndsTheSession() {
        Browser browser = new Browser(base);
        code(browser, APP);
        Http.Reply logout = browser.get(cas + "/logout?service=" + "https://www.baidu.com/");
        assertEquals(302, logout.status(), logout.body());
        assertEquals("https://www.baidu.com/", logout.header("Location"));
        Http.Reply again = browser.get(cas + "/oauth2.0/authorize?" + query("response_type", "code", "client_id",
                CLIENT, "redirect_uri", APP));
        assertEquals(302, again.status(), "signed out: through CAS's login path again");
        assertTrue(again.header("Location").startsWith("/cas/login?service="), again.header("Location"));
        Http.Reply legacy = browser.get(cas + "/logout?url=" + "http://127.0.0.1:8700/");
        assertEquals(302, legacy.status());
        Http.Reply unregistered = browser.get(cas + "/logout?service=" + "http://evil.example/");
        assertEquals(200, unregistered.status());
        assertTrue(unregistered.header("Content-Type").startsWith("text/html"));
    }

    @Test
    void anUnregisteredCallbackGetsAnErrorPageNotARedirect() {
        Browser browser = new Browser(base);
        code(browser, APP);
        Http.Reply reply = browser.get(cas + "/oauth2.0/authorize?" + query("response_type", "code", "client_id",
                CLIENT, "redirect_uri", "http://evil.example/cb"));
        assertEquals(400, reply.status());
        assertNull(reply.header("Location"));
    }

    /**
     * D.1: without a session the authorize request goes to {@code /cas/login?service=<the callback with its
     * parameters>}, which shows the login page and then resumes it; with a session the service answers at once.
     * Any other service is refused with the error page (no open redirect).
     */
    @Test
    void signInGoesThroughCasLoginWithTheCallbackAsService() {
        Browser browser = new Browser(base);
        Http.Reply first = browser.get(cas + "/oauth2.0/authorize?" + query("response_type", "code",
                "client_id", CLIENT, "redirect_uri", APP, "state", "xyz"));
        assertEquals(302, first.status(), first.body());
        String login = first.header("Location");
        assertTrue(login.startsWith("/cas/login?service="), login);
        String service = java.net.URLDecoder.decode(login.substring("/cas/login?service=".length()),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(service.startsWith(base + "/cas/oauth2.0/callbackAuthorize?"), service);
        String location = browser.authorize(base + login, "zhangsan", "zhangsan-pass");
        assertTrue(location.startsWith(APP + "?code=OC-"), location);
        assertEquals("xyz", Wire.query(location).get("state"));

        Http.Reply again = browser.get(base + login);
        assertEquals(302, again.status(), "a live session answers the service at once");
        assertTrue(again.header("Location").startsWith(APP + "?code=OC-"), again.header("Location"));
        Http.Reply viaCallback = browser.get(service);
        assertTrue(viaCallback.header("Location").startsWith(APP + "?code=OC-"));

        for (String bad : List.of("http://evil.example/cas/oauth2.0/callbackAuthorize?client_id=" + CLIENT,
                base + "/cas/oauth2.0/profile", "")) {
            Http.Reply refused = browser.get(cas + "/login?service=" + java.net.URLEncoder.encode(bad,
                    java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(400, refused.status(), bad);
            assertNull(refused.header("Location"), bad);
        }
        // Without a service it is the CAS protocol's plain sign-in (docs/migrating.md): the login page.
        Http.Reply plain = new Browser(base).get(cas + "/login");
        assertEquals(200, plain.status());
        assertTrue(plain.body().contains("name=\"rid\""), plain.body());
    }
}
