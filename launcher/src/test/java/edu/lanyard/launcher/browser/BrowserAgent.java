package edu.lanyard.launcher.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Talks to Lanyard the way a browser does: keeps cookies, sends Accept-Language, posts forms, and does not follow
 * redirects by itself, so each test sees every hop (and can see that a hop was never offered).
 */
final class BrowserAgent {
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String acceptLanguage;

    BrowserAgent() {
        this("en-US,en;q=0.8");
    }

    BrowserAgent(String acceptLanguage) {
        this.acceptLanguage = acceptLanguage;
    }

    WebReply get(String url) {
        return send(request(url).GET().build());
    }

    WebReply post(String url, Map<String, String> form) {
        return send(request(url)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build());
    }

    /** Submits the page's form with its hidden fields plus {@code extra}, as pressing its button would. */
    WebReply submit(WebReply page, Map<String, String> extra) {
        Map<String, String> fields = page.hiddenFields();
        fields.putAll(extra);
        return post(page.uri().resolve(page.formAction()).toString(), fields);
    }

    /** Types the credentials into a login page and submits it. */
    WebReply signIn(WebReply loginPage, String username, String password) {
        if (!loginPage.isLoginPage()) {
            throw new AssertionError("expected the login page, got " + loginPage.status() + ": "
                    + loginPage.summary());
        }
        return submit(loginPage, Map.of("username", username, "password", password));
    }

    Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(20))
                .header("Accept", "text/html,application/xhtml+xml")
                .header("Accept-Language", acceptLanguage);
    }

    private WebReply send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new WebReply(request.uri(), response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("request failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
