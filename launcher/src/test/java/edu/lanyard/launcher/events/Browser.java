package edu.lanyard.launcher.events;

import edu.lanyard.launcher.Http;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A cookie-keeping user agent that signs in through the login and consent pages, as a person would. */
final class Browser {
    private static final Pattern FIELD = Pattern.compile("name=\"(csrf|rid)\" value=\"([^\"]*)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    Browser(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** What an authorization request ended in: a redirect with a code, or a page. */
    record Outcome(int status, String location, String body) {
        String code() {
            Matcher code = Pattern.compile("[?&]code=([^&#]+)").matcher(location == null ? "" : location);
            if (!code.find()) {
                throw new IllegalStateException("no code in " + status + " " + location + " " + body);
            }
            return java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8);
        }
    }

    record Pkce(String verifier, String challenge) {
        static Pkce create() {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256")
                        .digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    Outcome authorize(String clientId, String redirectUri, String scope, Pkce pkce) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri);
        query.put("scope", scope);
        query.put("state", "s-" + System.nanoTime());
        query.put("code_challenge", pkce.challenge());
        query.put("code_challenge_method", "S256");
        return send(HttpRequest.newBuilder(URI.create(base + "/oauth2/authorize?" + Http.form(query))).GET());
    }

    /** Fills in the login form on {@code page}; answers where that led (a code, or the consent page). */
    Outcome logIn(Outcome page, String username, String password) {
        Map<String, String> form = fields(page.body());
        form.put("username", username);
        form.put("password", password);
        return post("/oauth2/login", form);
    }

    Outcome approve(Outcome consentPage) {
        Map<String, String> form = fields(consentPage.body());
        form.put("decision", "approve");
        return post("/oauth2/consent", form);
    }

    Outcome logout(String idToken) {
        return send(HttpRequest.newBuilder(URI.create(base + "/oauth2/logout?"
                + Http.form(Map.of("id_token_hint", idToken)))).GET());
    }

    private Outcome post(String path, Map<String, String> form) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Http.form(form))));
    }

    private Outcome send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Outcome(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                    response.body());
        } catch (Exception e) {
            throw new IllegalStateException("browser request failed: " + e, e);
        }
    }

    private static Map<String, String> fields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher matcher = FIELD.matcher(html);
        while (matcher.find()) {
            fields.put(matcher.group(1), matcher.group(2));
        }
        if (fields.size() != 2) {
            throw new IllegalStateException("not a sign-in form: " + html.substring(0, Math.min(400, html.length())));
        }
        return fields;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
