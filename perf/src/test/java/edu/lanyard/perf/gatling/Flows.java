package edu.lanyard.perf.gatling;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.http.HttpDsl.headerRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The requests the simulations are made of: a browser signing in (authorize, the login page's form with its CSRF
 * field, the code with PKCE S256, the token, userinfo), an app visited through the SSO session, and the single
 * token-endpoint calls. Each names its request the way the HTML report lists it.
 */
public final class Flows {
    /** Session keys. */
    static final String USERNAME = "username";
    static final String ACCESS_TOKEN = "accessToken";
    static final String REFRESH_TOKEN = "refreshToken";

    private static final String FORM = "application/x-www-form-urlencoded";

    private Flows() {
    }

    /** Loopback browsers and apps: no redirect is followed (the callbacks are not served), JSON is expected. */
    public static HttpProtocolBuilder protocol(LoadSettings settings) {
        return http.baseUrls(settings.baseUrls())
                .disableFollowRedirect()
                .acceptHeader("application/json, text/html;q=0.9")
                .userAgentHeader("lanyard-gatling")
                .warmUp(settings.baseUrls().get(0) + "/health/ready");
    }

    /**
     * student1 … studentN in turn, endlessly: with N at least the number of sign-ins, every sign-in of a run is a
     * different student.
     */
    public static Iterator<Map<String, Object>> students(int count) {
        AtomicLong next = new AtomicLong();
        return Stream.generate(() -> Map.<String, Object>of(USERNAME, "student" + (next.getAndIncrement() % count + 1)))
                .iterator();
    }

    /** A fresh PKCE verifier and its S256 challenge, and a state value, for the next authorization request. */
    static Session withPkce(Session session) {
        byte[] random = new byte[32];
        ThreadLocalRandom.current().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
        return session.set("codeVerifier", verifier).set("codeChallenge", challenge)
                .set("state", Long.toHexString(ThreadLocalRandom.current().nextLong()));
    }

    /**
     * A browser with no session signing in to the portal: the authorization request shows the login page, whose form
     * (its action, CSRF token and request id taken from the page) is posted with the student's password; the redirect
     * carries the code, which the portal exchanges with its PKCE verifier; then it reads userinfo. Leaves the SSO
     * session cookie and the portal's tokens in the virtual user's session.
     */
    public static ChainBuilder browserSignIn() {
        Campus.App portal = Campus.PORTAL;
        return exec(Flows::withPkce)
                .exec(http("authorize: login page").get("/oauth2/authorize")
                        .queryParam("response_type", "code").queryParam("client_id", portal.clientId())
                        .queryParam("redirect_uri", portal.redirectUri()).queryParam("scope", "openid profile email")
                        .queryParam("state", "#{state}").queryParam("code_challenge", "#{codeChallenge}")
                        .queryParam("code_challenge_method", "S256")
                        .check(status().is(200),
                                regex("<form class=\"form\" method=\"post\" action=\"([^\"]+)\"").saveAs("loginAction"),
                                regex("name=\"csrf\" value=\"([^\"]+)\"").saveAs("csrf"),
                                regex("name=\"rid\" value=\"([^\"]+)\"").saveAs("rid")))
                .exec(http("login: form POST").post(session -> unescape(session.getString("loginAction")))
                        .formParam("csrf", "#{csrf}").formParam("rid", "#{rid}")
                        .formParam("username", "#{" + USERNAME + "}").formParam("password", Campus.STUDENT_PASSWORD)
                        .check(status().in(302, 303), headerRegex("Location", "[?&]code=([^&#]+)").saveAs("code")))
                .exec(http("token: authorization_code + PKCE").post("/oauth2/token")
                        .basicAuth(portal.clientId(), portal.secret())
                        .formParam("grant_type", "authorization_code").formParam("code", "#{code}")
                        .formParam("redirect_uri", portal.redirectUri()).formParam("code_verifier", "#{codeVerifier}")
                        .check(status().is(200), jsonPath("$.access_token").saveAs(ACCESS_TOKEN),
                                jsonPath("$.refresh_token").saveAs(REFRESH_TOKEN)))
                .exec(userinfo());
    }

    /** GET /oauth2/userinfo with the session's access token. */
    public static ChainBuilder userinfo() {
        return exec(http("userinfo").get("/oauth2/userinfo").header("Authorization", "Bearer #{" + ACCESS_TOKEN + "}")
                .check(status().is(200), jsonPath("$.sub").exists()));
    }

    /** The resource server (campus-api) asks about the session's access token; it must be active. */
    public static ChainBuilder introspect(String tokenKey) {
        Campus.App api = Campus.CAMPUS_API;
        return exec(http("introspect").post("/oauth2/introspect").basicAuth(api.clientId(), api.secret())
                .formParam("token", "#{" + tokenKey + "}")
                .check(status().is(200), jsonPath("$.active").ofBoolean().is(true)));
    }

    /** A standard password grant for the session's student; saves both tokens. */
    public static ChainBuilder passwordGrant(Campus.App app, String scope) {
        return exec(http("token: password").post("/oauth2/token").basicAuth(app.clientId(), app.secret())
                .formParam("grant_type", "password").formParam("username", "#{" + USERNAME + "}")
                .formParam("password", Campus.STUDENT_PASSWORD).formParam("scope", scope)
                .check(status().is(200), jsonPath("$.access_token").saveAs(ACCESS_TOKEN),
                        jsonPath("$.refresh_token").saveAs(REFRESH_TOKEN)));
    }

    /**
     * A rotating refresh at the standard endpoint: presents the session's refresh token and keeps the new one, so each
     * virtual user walks its own token family.
     */
    public static ChainBuilder rotateRefresh(Campus.App app) {
        return exec(http("token: refresh_token (rotating)").post("/oauth2/token")
                .basicAuth(app.clientId(), app.secret())
                .formParam("grant_type", "refresh_token").formParam("refresh_token", "#{" + REFRESH_TOKEN + "}")
                .check(status().is(200), jsonPath("$.access_token").saveAs(ACCESS_TOKEN),
                        jsonPath("$.refresh_token").saveAs(REFRESH_TOKEN)));
    }

    static String form() {
        return FORM;
    }

    /** The login page writes its form action HTML-escaped. */
    static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&#x3D;", "=").replace("&#61;", "=").replace("&quot;", "\"");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
