package edu.lanyard.dialects;

import edu.lanyard.dialects.http.Cors;
import edu.lanyard.dialects.http.HttpMetrics;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;

/** Puts a dialect's endpoints on a router under its prefix, each service its own part of every dialect. */
public final class DialectRoutes {
    private DialectRoutes() {
    }

    /** @param endpointName the metrics name, e.g. {@code token}; the dialect's name is put in front */
    public static void mount(Router router, ProductDialect dialect, List<DialectEndpoint> endpoints,
                             String endpointName, Handler<RoutingContext> handler) {
        Handler<RoutingContext> named = HttpMetrics.named(dialect.name() + "." + endpointName, handler);
        for (DialectEndpoint endpoint : endpoints) {
            String path = dialect.prefix() + endpoint.path();
            if (endpoint.get()) {
                router.get(path).handler(named);
            }
            if (endpoint.post()) {
                router.post(path).handler(named);
            }
        }
    }

    /** As {@link #mount(Router, ProductDialect, List, String, Handler)}, answering CORS requests by {@code cors}. */
    public static void mount(Router router, ProductDialect dialect, List<DialectEndpoint> endpoints,
                             String endpointName, Handler<RoutingContext> handler, Cors cors) {
        String name = dialect.name() + "." + endpointName;
        for (DialectEndpoint endpoint : endpoints) {
            List<HttpMethod> methods = new ArrayList<>();
            if (endpoint.get()) {
                methods.add(HttpMethod.GET);
            }
            if (endpoint.post()) {
                methods.add(HttpMethod.POST);
            }
            if (!methods.isEmpty()) {
                cors.route(router, dialect.prefix() + endpoint.path(), methods, handler,
                        h -> HttpMetrics.named(name, h));
            }
        }
    }
}
