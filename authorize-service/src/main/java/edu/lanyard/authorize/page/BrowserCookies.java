package edu.lanyard.authorize.page;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The random per-browser id that CSRF tokens are bound to, and the cookie attributes the pages use.
 * The id is not a session: it authenticates nothing and only proves "this POST comes from the browser that was shown
 * the form", which is what stops login CSRF (an attacker's own rid + token pair is useless in the victim's browser).
 */
public final class BrowserCookies {

    public static final String BROWSER_ID = "lanyard_bid";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private BrowserCookies() {
    }

    /** The browser's id, minting one (and setting its cookie on the response) when it has none yet. */
    public static String browserId(RoutingContext ctx) {
        return existingBrowserId(ctx).orElseGet(() -> {
            String id = newId();
            ctx.response().addCookie(Cookie.cookie(BROWSER_ID, id)
                    .setPath("/")
                    .setHttpOnly(true)
                    .setSecure(secureFor(ctx))
                    .setSameSite(CookieSameSite.LAX));
            // A page rendered later in this same request must bind to the id just minted.
            ctx.put(BROWSER_ID, id);
            return id;
        });
    }

    public static Optional<String> existingBrowserId(RoutingContext ctx) {
        String minted = ctx.get(BROWSER_ID);
        if (minted != null) {
            return Optional.of(minted);
        }
        Cookie cookie = ctx.request().getCookie(BROWSER_ID);
        return Optional.ofNullable(cookie)
                .map(Cookie::getValue)
                .filter(value -> WELL_FORMED.matcher(value).matches());
    }

    /**
     * Cookies are {@code Secure} except on plain-HTTP loopback (local development), because TLS usually ends at the
     * ingress and the request then looks like HTTP here even though the browser used HTTPS.
     */
    static boolean secureFor(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.isSSL()) {
            return true;
        }
        HostAndPort authority = request.authority();
        return authority == null || !isLoopback(authority.host());
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    private static String newId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
