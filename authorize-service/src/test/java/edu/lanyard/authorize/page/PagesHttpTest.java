package edu.lanyard.authorize.page;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Headers, assets and cookies over real HTTP against the demo server. */
class PagesHttpTest {

    private static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static PagesDemoServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = PagesDemoServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(path)));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void htmlPagesCarryTheSecurityHeaders() throws Exception {
        for (String path : new String[] {"/login", "/consent", "/error", "/logout"}) {
            HttpResponse<String> response = get(path);
            assertEquals("text/html; charset=utf-8", response.headers().firstValue("content-type").orElseThrow());
            assertEquals(CSP, response.headers().firstValue("content-security-policy").orElseThrow(), path);
            assertEquals("DENY", response.headers().firstValue("x-frame-options").orElseThrow());
            assertEquals("no-referrer", response.headers().firstValue("referrer-policy").orElseThrow());
            assertEquals("no-store", response.headers().firstValue("cache-control").orElseThrow());
            assertEquals("no-cache", response.headers().firstValue("pragma").orElseThrow());
            assertEquals("nosniff", response.headers().firstValue("x-content-type-options").orElseThrow());
        }
        assertEquals(400, get("/error").statusCode());
    }

    @Test
    void formRedirectAllowanceAddsOnlyTheOrigin() throws Exception {
        HttpResponse<String> response = get("/redirecting-form?allow=true&target=https://App.Example.edu:8443/cb?x=1");
        assertEquals(CSP.replace("form-action 'self'", "form-action 'self' https://app.example.edu:8443"),
                response.headers().firstValue("content-security-policy").orElseThrow());
        assertEquals(CSP.replace("form-action 'self'", "form-action 'self' com.example.app:"),
                SecurityHeaders.contentSecurityPolicy(Set.of("com.example.app:")));
    }

    @Test
    void hostileRedirectUriCannotInjectDirectives() throws Exception {
        HttpResponse<String> response = get("/redirecting-form?allow=true&target=https://a.edu;script-src%20*");
        assertEquals(CSP.replace("form-action 'self'", "form-action 'self' https://a.edu"),
                response.headers().firstValue("content-security-policy").orElseThrow());
        for (String hostile : new String[] {"https://a.edu%20'unsafe-inline'/", "https://a_b;c/", "https:///x",
                "javascript:alert(1)%3Bscript-src", "not a uri"}) {
            HttpResponse<String> page = get("/redirecting-form?allow=true&target="
                    + java.net.URLEncoder.encode(hostile, java.nio.charset.StandardCharsets.UTF_8));
            String csp = page.headers().firstValue("content-security-policy").orElseThrow();
            assertFalse(csp.contains("unsafe") || csp.contains("https:;") || csp.contains("https: "), csp);
            assertFalse(csp.contains("script-src"), csp);
        }
    }

    @Test
    void assetsAreVersionedCachedAndRevalidated() throws Exception {
        Assets assets = Assets.load();
        String cssUrl = assets.url("lanyard.css");
        HttpResponse<String> css = get(cssUrl);
        assertEquals(200, css.statusCode());
        assertEquals("text/css; charset=utf-8", css.headers().firstValue("content-type").orElseThrow());
        assertEquals("public, max-age=31536000, immutable", css.headers().firstValue("cache-control").orElseThrow());
        assertEquals("nosniff", css.headers().firstValue("x-content-type-options").orElseThrow());
        assertFalse(css.headers().firstValue("content-security-policy").isPresent(), "CSP is for HTML only");
        String etag = css.headers().firstValue("etag").orElseThrow();
        assertEquals(assets.find("lanyard.css").orElseThrow().etag(), etag);
        assertTrue(cssUrl.endsWith("?v=" + etag.replace("\"", "")));
        assertTrue(css.body().contains("prefers-color-scheme: dark"));

        assertEquals(304, get(cssUrl, "If-None-Match", etag).statusCode());
        assertEquals(304, get(cssUrl, "If-None-Match", "\"other\", W/" + etag).statusCode());
        assertEquals(200, get(cssUrl, "If-None-Match", "\"stale\"").statusCode());

        HttpResponse<String> logo = get("/assets/lanyard-logo.svg");
        assertEquals("image/svg+xml", logo.headers().firstValue("content-type").orElseThrow());
        assertTrue(logo.body().startsWith("<svg"));
        assertTrue(logo.headers().firstValue("content-security-policy").orElseThrow().endsWith("; sandbox"),
                "an SVG opened by itself must not run script in Lanyard's origin");
    }

    @Test
    void unknownAssetsAndTraversalAre404() throws Exception {
        assertEquals(404, get("/assets/nope.css").statusCode());
        assertEquals(404, get("/assets/..%2F..%2Fpom.xml").statusCode());
        assertEquals(404, get("/assets/").statusCode());
    }

    @Test
    void firstVisitMintsBrowserIdCookieAndLangParamIsRemembered() throws Exception {
        HttpResponse<String> response = get("/login?lang=zh-CN", "Accept-Language", "en");
        var cookies = response.headers().allValues("set-cookie");
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith(BrowserCookies.BROWSER_ID + "=")
                && c.toLowerCase().contains("httponly") && c.contains("SameSite=Lax") && c.contains("Path=/")), cookies.toString());
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith(LocaleNegotiator.COOKIE + "=zh-CN")), cookies.toString());
        assertFalse(cookies.stream().anyMatch(c -> c.contains("Secure")), "plain-HTTP loopback is dev: not Secure");
        assertTrue(response.body().contains("<html lang=\"zh-CN\">"));
    }

    @Test
    void forgedLoginPostIsRejectedAsExpiredForm() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=a&password=b&rid=" + PagesDemoServer.RID
                        + "&csrf=forged"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.body().contains(Messages.of(UiLocale.EN).get("login_problem_form_expired")));
    }
}
