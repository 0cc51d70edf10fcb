package edu.lanyard.launcher.token;

import edu.lanyard.core.token.Pkce;
import edu.lanyard.launcher.Http;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A browser with its own cookie jar walking the real sign-in: {@code GET /oauth2/authorize}, the login form,
 * {@code POST /oauth2/login}, and the redirect back to the client carrying the authorization code. It fails the
 * test, rather than working around anything, when a step does not answer as a browser needs.
 */
final class BrowserSignIn {
    private static final Pattern HIDDEN = Pattern.compile("name=\"(csrf|rid)\" value=\"([^\"]*)\"");

    private final String baseUrl;
    private final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    BrowserSignIn(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** How the authorization request uses PKCE (RFC 7636 §4.2). */
    enum Challenge { S256, PLAIN, NONE }

    /** The code sent back to the client, and the verifier to redeem it with (null without PKCE). */
    record Code(String code, String verifier, String redirectUri, String state) {
    }

    /** A code for the given request, with a fresh S256 PKCE pair and the redirect_uri sent. */
    Code authorize(String clientId, String redirectUri, String scope, String username, String password) {
        return authorize(clientId, redirectUri, true, scope, Challenge.S256, username, password);
    }

    Code authorize(String clientId, String redirectUri, boolean sendRedirectUri, String scope, Challenge challenge,
                   String username, String password) {
        String verifier = challenge == Challenge.NONE ? null : TokenStrings.random(48);
        String state = TokenStrings.random(12);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        if (sendRedirectUri) {
            query.put("redirect_uri", redirectUri);
        }
        query.put("scope", scope);
        query.put("state", state);
        if (challenge != Challenge.NONE) {
            query.put("code_challenge", challenge == Challenge.S256 ? Pkce.s256(verifier) : verifier);
            query.put("code_challenge_method", challenge == Challenge.S256 ? "S256" : "plain");
        }
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/authorize?"
                + Http.form(query))).GET());
        HttpResponse<String> back = page.statusCode() == 302 ? page : signIn(page, username, password);
        String location = back.headers().firstValue("Location").orElse(null);
        assertNotNull(location, "redirect without Location");
        assertTrue(location.startsWith(redirectUri + "?"), location);
        Map<String, String> answer = query(URI.create(location).getRawQuery());
        assertEquals(state, answer.get("state"), location);
        assertNotNull(answer.get("code"), location);
        return new Code(answer.get("code"), verifier, redirectUri, state);
    }

    /** The login form, filled in and posted; a browser that already has a session is redirected at once. */
    private HttpResponse<String> signIn(HttpResponse<String> page, String username, String password) {
        assertEquals(200, page.statusCode(), "the authorize endpoint should show the login page: " + page.body());
        Map<String, String> hidden = hiddenFields(page.body());
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/login"))
                .header("Content-Type", OAuthEndpoints.FORM)
                .POST(HttpRequest.BodyPublishers.ofString(OAuthEndpoints.form("rid", hidden.get("rid"),
                        "csrf", hidden.get("csrf"), "username", username, "password", password))));
        assertTrue(login.statusCode() == 302 || login.statusCode() == 303,
                "signing in should redirect back to the client, got " + login.statusCode() + ": " + login.body());
        return login;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return browser.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("browser request failed: " + e, e);
        }
    }

    private static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            fields.put(m.group(1), m.group(2).replace("&amp;", "&"));
        }
        assertNotNull(fields.get("rid"), "login page without rid: " + html);
        assertNotNull(fields.get("csrf"), "login page without csrf: " + html);
        return fields;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
