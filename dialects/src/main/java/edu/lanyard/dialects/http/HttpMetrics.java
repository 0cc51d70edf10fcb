package edu.lanyard.dialects.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Times every request, tagged with the endpoint name and grant an endpoint recorded (not the raw path, which a
 * scanner could make unbounded), the method and the status. No tag value is taken from the request unchecked.
 */
public final class HttpMetrics implements Handler<RoutingContext> {
    private static final String ENDPOINT = "lanyard.endpoint";
    private static final String GRANT = "lanyard.grant";
    private static final Set<HttpMethod> STANDARD_METHODS = Set.copyOf(HttpMethod.values());

    private final MeterRegistry meters;

    public HttpMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Wraps an endpoint handler so its requests are counted under {@code name}. */
    public static Handler<RoutingContext> named(String name, Handler<RoutingContext> endpoint) {
        return ctx -> {
            ctx.put(ENDPOINT, name);
            endpoint.handle(ctx);
        };
    }

    public static void grant(RoutingContext ctx, String grant) {
        ctx.put(GRANT, grant);
    }

    /** Vert.x accepts any token as a method; only the standard ones may become a tag value. */
    private static String method(HttpMethod method) {
        return STANDARD_METHODS.contains(method) ? method.name() : "OTHER";
    }

    @Override
    public void handle(RoutingContext ctx) {
        long start = System.nanoTime();
        ctx.addEndHandler(done -> Timer.builder("lanyard.http.requests")
                .tag("endpoint", ctx.get(ENDPOINT, "other"))
                .tag("grant", ctx.get(GRANT, "none"))
                .tag("method", method(ctx.request().method()))
                .tag("status", String.valueOf(ctx.response().getStatusCode()))
                .publishPercentileHistogram()
                .register(meters)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
        ctx.next();
    }
}
