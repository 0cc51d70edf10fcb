package edu.lanyard.launcher.dialect;

import edu.lanyard.launcher.Http;

import java.net.CookieManager;
import java.net.HttpCookie;
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
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A cookie-keeping client that signs in on Lanyard's login page the way a person's browser does, over HTTP. */
final class Browser {
    private static final Pattern HIDDEN = Pattern.compile("name=\"(csrf|rid)\" value=\"([^\"]*)\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;

    Browser(String base) {
        this.base = base;
    }

    Http.Reply get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build());
    }

    Http.Reply postForm(String url, String body) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /**
     * Opens an authorization URL; if the login page comes back, signs in. Answers the final redirect's Location
     * (the application's callback with its code or token).
     */
    String authorize(String authorizeUrl, String username, String password) {
        Http.Reply first = get(authorizeUrl);
        if (first.status() == 302) {
            return first.header("Location");
        }
        assertEquals(200, first.status(), first.body());
        Map<String, String> hidden = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(first.body());
        while (m.find()) {
            hidden.put(m.group(1), m.group(2).replace("&amp;", "&"));
        }
        assertTrue(hidden.containsKey("rid"), "expected the login page, got: " + first.body());
        Http.Reply login = postForm(base + "/oauth2/login", Http.form(Http.fields("csrf", hidden.get("csrf"),
                "rid", hidden.get("rid"), "username", username, "password", password)));
        assertEquals(303, login.status(), login.body());
        return login.header("Location");
    }

    /** The Cookie header this browser sends to its server, for requests made beside it (e.g. on a raw socket). */
    String cookieHeader() {
        return cookies.getCookieStore().get(URI.create(base)).stream().map(HttpCookie::toString)
                .collect(Collectors.joining("; "));
    }

    private Http.Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Http.Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException("request failed: " + request.uri() + ": " + e, e);
        }
    }

    /** The parameters of a URL's query or fragment. */
    static Map<String, String> params(String url, boolean fragment) {
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
}
