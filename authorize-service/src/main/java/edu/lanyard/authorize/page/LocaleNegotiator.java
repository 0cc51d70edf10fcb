package edu.lanyard.authorize.page;

import edu.lanyard.common.http.WellFormedRequests;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks the page language. Precedence:
 * <ol>
 *   <li>{@code ?lang=} — the user just clicked the language switch; it must win or the switch would appear broken
 *       whenever the client sent {@code ui_locales};</li>
 *   <li>OIDC {@code ui_locales} — the client's hint, space-separated in order of preference;</li>
 *   <li>the {@value #COOKIE} cookie — the user's earlier explicit choice;</li>
 *   <li>{@code Accept-Language}, by q-value (q=0 means "not this one");</li>
 *   <li>{@link UiLocale#DEFAULT English}.</li>
 * </ol>
 */
public final class LocaleNegotiator {

    public static final String COOKIE = "lanyard_lang";
    public static final String QUERY_PARAM = "lang";
    private static final long COOKIE_MAX_AGE_SECONDS = 365L * 24 * 3600;

    private LocaleNegotiator() {
    }

    public static UiLocale negotiate(String langParam, String uiLocales, String langCookie, String acceptLanguage) {
        return UiLocale.match(langParam)
                .or(() -> firstSupported(uiLocales))
                .or(() -> UiLocale.match(langCookie))
                .or(() -> fromAcceptLanguage(acceptLanguage))
                .orElse(UiLocale.DEFAULT);
    }

    /**
     * Negotiates for a browser request and, when the request carries an explicit {@code ?lang=}, remembers it in the
     * language cookie so later pages (and later sign-ins) keep it.
     *
     * @param uiLocales the {@code ui_locales} of the pending authorization request, or null
     */
    public static UiLocale resolve(RoutingContext ctx, String uiLocales) {
        HttpServerRequest request = ctx.request();
        String langParam = langParam(ctx);
        Cookie cookie = request.getCookie(COOKIE);
        UiLocale chosen = negotiate(langParam, uiLocales, cookie == null ? null : cookie.getValue(),
                request.getHeader("Accept-Language"));
        UiLocale.match(langParam).ifPresent(explicit -> remember(ctx, explicit));
        return chosen;
    }

    /** The explicit choice in the query string; none when the query string cannot be read (an error page). */
    private static String langParam(RoutingContext ctx) {
        try {
            return WellFormedRequests.query(ctx).get(QUERY_PARAM);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    public static Messages messages(RoutingContext ctx, String uiLocales) {
        return Messages.of(resolve(ctx, uiLocales));
    }

    static void remember(RoutingContext ctx, UiLocale locale) {
        ctx.response().addCookie(Cookie.cookie(COOKIE, locale.tag())
                .setPath("/")
                .setMaxAge(COOKIE_MAX_AGE_SECONDS)
                .setHttpOnly(true)
                .setSecure(BrowserCookies.secureFor(ctx))
                .setSameSite(CookieSameSite.LAX));
    }

    private static Optional<UiLocale> firstSupported(String spaceSeparated) {
        if (spaceSeparated == null) {
            return Optional.empty();
        }
        for (String tag : spaceSeparated.trim().split("\\s+")) {
            Optional<UiLocale> match = UiLocale.match(tag);
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }

    static Optional<UiLocale> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        List<WeightedTag> ranges = new ArrayList<>();
        String[] parts = header.split(",");
        for (int i = 0; i < parts.length; i++) {
            WeightedTag.parse(parts[i], i).ifPresent(ranges::add);
        }
        // Stable by q descending, then by position: equal weights keep the order the browser sent.
        ranges.sort(Comparator.comparingDouble(WeightedTag::q).reversed().thenComparingInt(WeightedTag::position));
        for (WeightedTag range : ranges) {
            if (range.q() <= 0) {
                break;
            }
            if (range.tag().equals("*")) {
                return Optional.of(UiLocale.DEFAULT);
            }
            Optional<UiLocale> match = UiLocale.match(range.tag());
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }

    private record WeightedTag(String tag, double q, int position) {
        static Optional<WeightedTag> parse(String part, int position) {
            String[] pieces = part.split(";");
            String tag = pieces[0].trim();
            if (tag.isEmpty()) {
                return Optional.empty();
            }
            double q = 1.0;
            for (int i = 1; i < pieces.length; i++) {
                String param = pieces[i].trim();
                if (param.startsWith("q=") || param.startsWith("Q=")) {
                    try {
                        q = Double.parseDouble(param.substring(2).trim());
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.of(new WeightedTag(tag, q, position));
        }
    }
}
