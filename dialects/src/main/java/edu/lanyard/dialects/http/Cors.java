package edu.lanyard.dialects.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Cross-origin access for the endpoints a browser application calls itself (a single-page app with PKCE: token,
 * revocation, userinfo, keys). Two policies:
 * <ul>
 *   <li>{@link #registeredOrigins}: only the origins of registered redirect URIs get
 *   {@code Access-Control-Allow-Origin} (their own origin, echoed); any other origin gets no CORS header at all, so the
 *   browser withholds the answer. Never {@code Allow-Credentials}: these endpoints take credentials in the request,
 *   not cookies. {@code Vary: Origin} on every answer, since it depends on the origin.</li>
 *   <li>{@link #anyOrigin}: {@code *}, for the public documents that hold no secret and are the same for everybody
 *   (the JWKS and discovery).</li>
 * </ul>
 * A preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}) is answered 204 by the route itself,
 * before any endpoint logic; a plain {@code OPTIONS} gets 204 with {@code Allow}.
 */
public final class Cors {
    static final String ALLOW_HEADERS = "Authorization, Content-Type";
    static final String MAX_AGE_SECONDS = "600";
    /** Bearer-protected endpoints explain a refusal in {@code WWW-Authenticate} (RFC 6750 §3). */
    static final String EXPOSE_HEADERS = "WWW-Authenticate";

    private final Function<String, String> allowedOrigin;
    private final boolean varies;

    private Cors(Function<String, String> allowedOrigin, boolean varies) {
        this.allowedOrigin = allowedOrigin;
        this.varies = varies;
    }

    /** Only the origins {@code origins} supplies (read per request, so a changed client applies at once). */
    public static Cors registeredOrigins(Supplier<Set<String>> origins) {
        return new Cors(origin -> origin != null && origins.get().contains(origin.toLowerCase(Locale.ROOT))
                ? origin : null, true);
    }

    /** Every origin, answered with {@code *}. */
    public static Cors anyOrigin() {
        return new Cors(origin -> "*", false);
    }

    /**
     * Routes {@code path} for {@code methods} to {@code endpoint} with this policy's headers, and answers its
     * preflight. {@code name} wraps a handler for the metrics ({@code HttpMetrics::named}).
     */
    public void route(Router router, String path, List<HttpMethod> methods, Handler<RoutingContext> endpoint,
                      Function<Handler<RoutingContext>, Handler<RoutingContext>> name) {
        Handler<RoutingContext> actual = name.apply(actual(endpoint));
        for (HttpMethod method : methods) {
            router.route(method, path).handler(actual);
        }
        router.options(path).handler(name.apply(preflight(methods)));
    }

    /** Adds the CORS headers of the actual (non-preflight) request, then runs {@code endpoint}. */
    public Handler<RoutingContext> actual(Handler<RoutingContext> endpoint) {
        return ctx -> {
            String allowed = allowedOrigin.apply(ctx.request().getHeader("Origin"));
            if (varies) {
                ctx.response().headers().add("Vary", "Origin");
            }
            if (allowed != null) {
                ctx.response().putHeader("Access-Control-Allow-Origin", allowed)
                        .putHeader("Access-Control-Expose-Headers", EXPOSE_HEADERS);
            }
            endpoint.handle(ctx);
        };
    }

    /** Answers {@code OPTIONS}: the preflight for an allowed origin, otherwise just the methods. */
    public Handler<RoutingContext> preflight(List<HttpMethod> methods) {
        String allow = Stream.concat(methods.stream(), Stream.of(HttpMethod.OPTIONS))
                .map(HttpMethod::name).distinct().collect(Collectors.joining(", "));
        return ctx -> {
            var response = ctx.response();
            if (varies) {
                response.headers().add("Vary", "Origin");
            }
            String allowed = allowedOrigin.apply(ctx.request().getHeader("Origin"));
            String requested = ctx.request().getHeader("Access-Control-Request-Method");
            if (allowed != null && requested != null) {
                response.putHeader("Access-Control-Allow-Origin", allowed)
                        .putHeader("Access-Control-Allow-Methods", allow)
                        .putHeader("Access-Control-Allow-Headers", ALLOW_HEADERS)
                        .putHeader("Access-Control-Max-Age", MAX_AGE_SECONDS);
            }
            response.setStatusCode(204).putHeader("Allow", allow).end();
        };
    }
}
