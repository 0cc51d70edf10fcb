package edu.lanyard.authorize;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;

/** The SSO session cookie: HttpOnly, SameSite=Lax, Secure when the issuer is https. The cluster keeps its hash. */
public final class SessionCookie {
    public static final String NAME = "lanyard_session";

    private final boolean secure;

    public SessionCookie(String issuer) {
        this.secure = issuer.startsWith("https://");
    }

    public Optional<String> read(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(NAME);
        return cookie == null || cookie.getValue().isBlank() ? Optional.empty() : Optional.of(cookie.getValue());
    }

    public void set(RoutingContext ctx, String value) {
        ctx.response().addCookie(base(value));
    }

    public void clear(RoutingContext ctx) {
        ctx.response().addCookie(base("").setMaxAge(0));
    }

    private Cookie base(String value) {
        return Cookie.cookie(NAME, value).setPath("/").setHttpOnly(true).setSecure(secure)
                .setSameSite(CookieSameSite.LAX);
    }
}
