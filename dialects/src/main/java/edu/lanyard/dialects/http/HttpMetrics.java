package edu.lanyard.dialects.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Times every request, tagged with the endpoint name and grant an endpoint recorded (not the raw path, which a
 * scanner could make unbounded), the method and the status. No tag value is taken from the request unchecked. The
 * registry gives the timer its few latency buckets ({@code Meters.latencyBuckets}).
 */
public final class HttpMetrics implements Handler<RoutingContext> {
    private static final String ENDPOINT = "lanyard.endpoint";
    private static final String GRANT = "lanyard.grant";
    private static final Set<HttpMethod> STANDARD_METHODS = Set.copyOf(HttpMethod.values());

    private final MeterRegistry meters;
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

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
        ctx.addEndHandler(done -> timer(ctx.get(ENDPOINT, "other"), ctx.get(GRANT, "none"),
                method(ctx.request().method()), ctx.response().getStatusCode())
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
        ctx.next();
    }

    /**
     * The request's timer, built once per tag combination: every tag comes from a closed set, so the map stays small,
     * and a request then costs one hash lookup instead of a builder, a sorted tag list and the registry's own lookup.
     */
    private Timer timer(String endpoint, String grant, String method, int status) {
        TimerKey key = new TimerKey(endpoint, grant, method, status);
        Timer timer = timers.get(key);
        if (timer == null) {
            timer = timers.computeIfAbsent(key, k -> Timer.builder("lanyard.http.requests")
                    .description("HTTP requests on the service port, by endpoint, grant, method and status; the"
                            + " histogram's buckets are the latency service levels")
                    .tag("endpoint", k.endpoint())
                    .tag("grant", k.grant())
                    .tag("method", k.method())
                    .tag("status", String.valueOf(k.status()))
                    .register(meters));
        }
        return timer;
    }

    private record TimerKey(String endpoint, String grant, String method, int status) {
    }
}
