package edu.lanyard.launcher.dialect;

import edu.lanyard.core.event.CodeIssued;
import edu.lanyard.core.event.LifecycleEvent;
import edu.lanyard.core.event.SessionEnded;
import edu.lanyard.devkit.EventLog;
import edu.lanyard.dialects.DialectEndpoint;
import edu.lanyard.dialects.ProductDialect;
import edu.lanyard.dialects.ProductDialects;
import edu.lanyard.launcher.Browser;
import edu.lanyard.launcher.LanyardTestServer;
import edu.lanyard.launcher.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static edu.lanyard.launcher.dialect.Wire.FORM;
import static edu.lanyard.launcher.dialect.Wire.json;
import static edu.lanyard.launcher.dialect.Wire.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A redirect_uri, service or logout target with a CR, LF or whitespace in it is refused on every authorize endpoint
 * and every logout, standard and product: an error page or the product's JSON error, never a redirect, never a 500,
 * nothing issued or ended first, and no header line of the response carries what the request smuggled in.
 * Each client is registered the loose way its product allowed ({@code hostile-redirect-clients.yaml}), so the
 * request checks are all that stand between the probe and a Location header. The endpoints come from the dialects'
 * own route tables, so a new authorize or logout path is probed too.
 */
class HeaderInjectionTest {
    private static final String CALLBACK = "https://app.edu/cb";
    /**
     * Appended to a registered URI, percent-encoded as a browser would send them: a folded header, a bare line break
     * (at the end, where trimming the parameter would hide it, and before more text), other control characters
     * and whitespace.
     */
    private static final List<String> PROBES = List.of("%0d%0a%20X-Injected:%201", "%0d%0a",
            "%0d%0aX-Injected:%201", "%0aX-Injected:%201", "%0d", "%09", "%20", "%20x", "%c2%85", "%00");
    private static final String STANDARD = "hostile-standard";
    private static final String STANDARD_SECRET = "hostile-standard-secret-0123456789";

    private static LanyardTestServer server;
    private static String base;

    @BeforeAll
    static void start() {
        server = LanyardTestServer.builder().importing("/hostile-redirect-clients.yaml").start();
        base = server.baseUrl();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** An authorize path and the client registered for its dialect. */
    private record Authorize(String path, String clientId) {
        String target(String redirectUri) {
            return path + "?client_id=" + clientId + "&response_type=code&state=s&redirect_uri=" + redirectUri;
        }
    }

    private static List<Authorize> authorizeEndpoints() {
        List<Authorize> endpoints = new ArrayList<>(List.of(new Authorize("/oauth2/authorize", STANDARD)));
        for (ProductDialect dialect : dialects()) {
            for (DialectEndpoint endpoint : dialect.authorizeEndpoints()) {
                endpoints.add(new Authorize(dialect.prefix() + endpoint.path(), "hostile-" + dialect.name()));
            }
        }
        return endpoints;
    }

    private static List<ProductDialect> dialects() {
        List<ProductDialect> dialects = ProductDialects.enabled(server.config().dialects());
        assertEquals(List.of("authz", "cas", "ketanyun", "maxkey", "maxkey", "phpsso"),
                dialects.stream().map(ProductDialect::name).sorted().toList(), "every dialect is mounted");
        return dialects;
    }

    @Test
    void everyAuthorizeEndpointRefusesALineBreakBeforeIssuingACode() {
        Browser browser = signedIn();
        String cookie = browser.cookieHeader();
        List<Authorize> endpoints = authorizeEndpoints();
        assertEquals(12, endpoints.size(), endpoints.toString());
        Map<String, Long> codesBefore = codesIssued();

        for (Authorize endpoint : endpoints) {
            for (String probe : PROBES) {
                String target = endpoint.target(encode(CALLBACK) + probe);
                RawHttp.Verbatim reply = RawHttp.verbatim(base, target, cookie);
                reply.assertHeadersIntact(target);
                assertEquals(400, reply.status(), target + ":\n" + reply.head());
                assertNull(reply.header("Location"), target);
                if (endpoint.path().endsWith(".php") && !reply.isHtml()) {
                    // The PHP SSO answered an authorize request without a usable redirect in JSON (E.1); a query it
                    // cannot decode at all still gets the error page.
                    assertTrue(reply.header("Content-Type").startsWith("application/json"), target + ": JSON");
                    assertTrue(reply.body().contains("\"error\""), target + ": " + reply.body());
                } else {
                    assertTrue(reply.isHtml(), target + ": the error page");
                    assertTrue(reply.body().contains("<code>invalid_request</code>"), target + ": " + reply.body());
                }
            }
        }
        assertEquals(codesBefore, codesIssued(), "no code was issued for a refused redirect_uri");

        // The session was good all along: the same requests with a clean redirect_uri get their code at once.
        for (Authorize endpoint : endpoints) {
            RawHttp.Verbatim reply = RawHttp.verbatim(base, endpoint.target(encode(CALLBACK + "/deeper")), cookie);
            reply.assertHeadersIntact(endpoint.path());
            assertEquals(302, reply.status(), endpoint + ":\n" + reply.head() + "\n" + reply.body());
            assertTrue(reply.header("Location").startsWith(CALLBACK + "/deeper?code="), reply.header("Location"));
        }
    }

    @Test
    void prefixMatchingKeepsToTheRegisteredHostOnEveryAuthorizeEndpoint() {
        String cookie = signedIn().cookieHeader();
        List<String> foreign = List.of("https://app.edu.evil.com/cb", "https://app.edu@evil.com/cb",
                "https://app.edu:8443/cb", "http://app.edu/cb", "https://app.edu/..%2fcb", "https://app.edu\\cb",
                "https://app.edu/cb#x", "https://app.edu//evil.com/cb");
        Map<String, Long> codesBefore = codesIssued();
        Map<String, Long> accepted = new HashMap<>();
        for (Authorize endpoint : authorizeEndpoints()) {
            for (String uri : foreign) {
                String target = endpoint.target(encode(uri));
                RawHttp.Verbatim reply = RawHttp.verbatim(base, target, cookie);
                assertEquals(400, reply.status(), target + ":\n" + reply.head());
                assertNull(reply.header("Location"), target);
            }
            if (!endpoint.clientId().equals("hostile-cas")) { // a pattern is as case-sensitive as it is written
                RawHttp.Verbatim upperCaseHost = RawHttp.verbatim(base, endpoint.target(encode("https://APP.edu/cb")),
                        cookie);
                assertEquals(302, upperCaseHost.status(), endpoint + ": the host is compared case-insensitively");
                accepted.merge(endpoint.clientId(), 1L, Long::sum);
            }
        }
        Map<String, Long> issued = codesIssued();
        codesBefore.forEach((client, count) -> issued.merge(client, -count, Long::sum));
        issued.values().removeIf(count -> count == 0);
        assertEquals(accepted, issued, "codes only for the accepted requests");
    }

    /** A logout path with one of its return-address parameters; the standard one also needs an id_token_hint. */
    private record Logout(String path, String parameter, String fixedQuery) {
        String target(String value) {
            return path + "?" + fixedQuery + parameter + "=" + value;
        }
    }

    @Test
    void everyLogoutRefusesALineBreakAndLeavesTheSessionAlone() {
        Browser browser = new Browser(base);
        String location = browser.authorize(base + "/oauth2/authorize?" + query("response_type", "code",
                "client_id", STANDARD, "redirect_uri", CALLBACK, "scope", "openid profile"), "probe", "probe-pass");
        String idToken = json(Wire.post(base + "/oauth2/token", FORM, query("grant_type", "authorization_code",
                "code", Wire.query(location).get("code"), "redirect_uri", CALLBACK), "Authorization",
                Wire.basic(STANDARD, STANDARD_SECRET)), 200).getString("id_token");
        String cookie = browser.cookieHeader();

        List<Logout> logouts = new ArrayList<>(List.of(new Logout("/oauth2/logout", "post_logout_redirect_uri",
                "client_id=" + STANDARD + "&id_token_hint=" + idToken + "&")));
        for (ProductDialect dialect : dialects()) {
            for (DialectEndpoint endpoint : dialect.logoutEndpoints()) {
                for (String parameter : dialect.logoutTargetParameters()) {
                    logouts.add(new Logout(dialect.prefix() + endpoint.path(), parameter,
                            "client_id=hostile-" + dialect.name() + "&"));
                    logouts.add(new Logout(dialect.prefix() + endpoint.path(), parameter, ""));
                }
            }
        }
        List<String> paths = logouts.stream().map(Logout::path).distinct().sorted().toList();
        assertEquals(List.of("/api/sso/force/logout", "/cas/logout", "/logout.php", "/maxkey/force/logout",
                "/oauth2/logout", "/sign/force/logout", "/sso/logout"), paths, "every logout is probed");
        long endedBefore = count(SessionEnded.class);

        for (Logout logout : logouts) {
            for (String probe : PROBES) {
                String target = logout.target(encode("https://app.edu/bye") + probe);
                RawHttp.Verbatim reply = RawHttp.verbatim(base, target, cookie);
                reply.assertHeadersIntact(target);
                assertEquals(400, reply.status(), target + ":\n" + reply.head() + "\n" + reply.body());
                assertNull(reply.header("Location"), target);
                if (reply.isJson()) {
                    assertEquals("invalid_request", reply.json().getString("error"), target);
                } else {
                    assertTrue(reply.isHtml(), target + ": an error page or the product's JSON error");
                    assertTrue(reply.body().contains("<code>invalid_request</code>"), target + ": " + reply.body());
                }
                assertStillSignedIn(cookie, target);
            }
        }
        assertEquals(endedBefore, count(SessionEnded.class), "no session was ended");

        // A clean return address is still followed, and that logout does end the session.
        RawHttp.Verbatim clean = RawHttp.verbatim(base,
                "/sign/force/logout?redirect_uri=" + encode("https://app.edu/bye"), cookie);
        assertEquals(302, clean.status(), clean.head());
        assertEquals("https://app.edu/bye", clean.header("Location"));
        assertEquals(200, RawHttp.verbatim(base, authorizeEndpoints().get(0).target(encode(CALLBACK)), cookie).status(),
                "signed out: the login page");
    }

    private static void assertStillSignedIn(String cookie, String after) {
        RawHttp.Verbatim reply = RawHttp.verbatim(base,
                new Authorize("/oauth2/authorize", STANDARD).target(encode(CALLBACK)), cookie);
        assertEquals(302, reply.status(), "the session must survive a refused logout: " + after);
    }

    private static Browser signedIn() {
        Browser browser = new Browser(base);
        String location = browser.authorize(base + "/oauth2/authorize?" + query("response_type", "code",
                "client_id", STANDARD, "redirect_uri", CALLBACK, "scope", "openid"), "probe", "probe-pass");
        assertTrue(location.startsWith(CALLBACK + "?code="), location);
        return browser;
    }

    private static Map<String, Long> codesIssued() {
        return events().stream().filter(CodeIssued.class::isInstance).map(CodeIssued.class::cast)
                .collect(Collectors.groupingBy(CodeIssued::clientId, Collectors.counting()));
    }

    private static long count(Class<? extends LifecycleEvent> type) {
        return events().stream().filter(type::isInstance).count();
    }

    /** The whole event topic: a code or a logout is published before the browser gets its answer. */
    private static List<LifecycleEvent> events() {
        return EventLog.readAll(server.kafkaBootstrap(), server.config().kafka().topic());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
