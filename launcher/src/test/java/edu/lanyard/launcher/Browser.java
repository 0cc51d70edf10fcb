package edu.lanyard.launcher;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
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
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cookie-keeping HTTP client that signs in on Lanyard's login (and consent) pages the way a person's browser does.
 * It never follows a redirect by itself, so a test sees every hop.
 */
public final class Browser {
    private static final Pattern HIDDEN = Pattern.compile("name=\"(csrf|rid)\" value=\"([^\"]*)\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;

    public Browser(String base) {
        this.base = base;
    }

    /** What a request ended in: a redirect (with, say, a code) or a page. */
    public record Outcome(int status, String location, String body) {
        public String code() {
            Matcher code = Pattern.compile("[?&]code=([^&#]+)").matcher(location == null ? "" : location);
            if (!code.find()) {
                throw new IllegalStateException("no code in " + status + " " + location + " " + body);
            }
            return URLDecoder.decode(code.group(1), StandardCharsets.UTF_8);
        }
    }

    public record Pkce(String verifier, String challenge) {
        public static Pkce create() {
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

    public Http.Reply get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    public Http.Reply postForm(String url, String body) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Opens an authorization URL; if the login page comes back, signs in. Answers the final redirect's Location
     * (the application's callback with its code or token).
     */
    public String authorize(String authorizeUrl, String username, String password) {
        Http.Reply first = get(authorizeUrl);
        String location = first.header("Location");
        if (first.status() == 302 && location != null && location.contains("/login?service=")) {
            first = get(location.startsWith("/") ? base + location : location); // CAS's {p}/login step
        }
        if (first.status() == 302) {
            return first.header("Location");
        }
        assertEquals(200, first.status(), first.body());
        Map<String, String> hidden = hiddenFields(first.body());
        assertTrue(hidden.containsKey("rid"), "expected the login page, got: " + first.body());
        Http.Reply login = postForm(base + "/oauth2/login", Http.form(Http.fields("csrf", hidden.get("csrf"),
                "rid", hidden.get("rid"), "username", username, "password", password)));
        assertEquals(303, login.status(), login.body());
        return login.header("Location");
    }

    /** Starts a code flow with PKCE at Lanyard's own authorization endpoint; answers the login page or a redirect. */
    public Outcome authorize(String clientId, String redirectUri, String scope, Pkce pkce) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri);
        query.put("scope", scope);
        query.put("state", "s-" + System.nanoTime());
        query.put("code_challenge", pkce.challenge());
        query.put("code_challenge_method", "S256");
        return outcome(get(base + "/oauth2/authorize?" + Http.form(query)));
    }

    /** Fills in the login form on {@code page}; answers where that led (a code, or the consent page). */
    public Outcome logIn(Outcome page, String username, String password) {
        Map<String, String> form = signInForm(page.body());
        form.put("username", username);
        form.put("password", password);
        return outcome(postForm(base + "/oauth2/login", Http.form(form)));
    }

    public Outcome approve(Outcome consentPage) {
        return decide(consentPage, "approve");
    }

    /** Answers the consent page with the button {@code decision} ({@code approve}, {@code deny}). */
    public Outcome decide(Outcome consentPage, String decision) {
        Map<String, String> form = signInForm(consentPage.body());
        form.put("decision", decision);
        return outcome(postForm(base + "/oauth2/consent", Http.form(form)));
    }

    /** Presses "sign out" on the logout confirmation page (a logout without id_token_hint). */
    public Outcome confirmLogout(Outcome confirmationPage) {
        Map<String, String> form = hiddenFields(confirmationPage.body());
        if (!form.containsKey("csrf")) {
            throw new IllegalStateException("not the logout confirmation: " + confirmationPage.body());
        }
        return outcome(postForm(base + "/oauth2/logout", Http.form(form)));
    }

    /** Any GET as an {@link Outcome}: a product's logout, the logout confirmation page. */
    public Outcome open(String url) {
        return outcome(get(url));
    }

    public Outcome logout(String idToken) {
        return outcome(get(base + "/oauth2/logout?" + Http.form(Map.of("id_token_hint", idToken))));
    }

    /** The Cookie header this browser sends to its server, for requests made beside it (e.g. on a raw socket). */
    public String cookieHeader() {
        return cookies.getCookieStore().get(URI.create(base)).stream().map(HttpCookie::toString)
                .collect(Collectors.joining("; "));
    }

    /** The parameters of a URL's query or fragment. */
    public static Map<String, String> params(String url, boolean fragment) {
        URI uri = URI.create(url);
        String raw = fragment ? uri.getRawFragment() : uri.getRawQuery();
        Map<String, String> params = new LinkedHashMap<>();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Http.Reply send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(20)).build();
        try {
            HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
            return new Http.Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException("browser request failed: " + built.uri() + ": " + e, e);
        }
    }

    private static Outcome outcome(Http.Reply reply) {
        return new Outcome(reply.status(), reply.header("Location"), reply.body());
    }

    public static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher matcher = HIDDEN.matcher(html);
        while (matcher.find()) {
            fields.put(matcher.group(1), matcher.group(2).replace("&amp;", "&"));
        }
        return fields;
    }

    /** The csrf and rid fields of a login or consent form. */
    private static Map<String, String> signInForm(String html) {
        Map<String, String> fields = hiddenFields(html);
        if (fields.size() != 2) {
            throw new IllegalStateException("not a sign-in form: " + html.substring(0, Math.min(400, html.length())));
        }
        return fields;
    }
}
