package edu.lanyard.common.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.concurrent.TimeUnit;

/**
 * Times every request, tagged with the endpoint name and grant an endpoint recorded (not the raw path, which a
 * scanner could make unbounded), the method and the status.
 */
public final class HttpMetrics implements Handler<RoutingContext> {
    private static final String ENDPOINT = "lanyard.endpoint";
    private static final String GRANT = "lanyard.grant";

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

    @Override
    public void handle(RoutingContext ctx) {
        long start = System.nanoTime();
        ctx.addEndHandler(done -> Timer.builder("lanyard.http.requests")
                .tag("endpoint", ctx.get(ENDPOINT, "other"))
                .tag("grant", ctx.get(GRANT, "none"))
                .tag("method", ctx.request().method().name())
                .tag("status", String.valueOf(ctx.response().getStatusCode()))
                .publishPercentileHistogram()
                .register(meters)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
        ctx.next();
    }
}
