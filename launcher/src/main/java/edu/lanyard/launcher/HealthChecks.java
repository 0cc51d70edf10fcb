package edu.lanyard.launcher;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * {@code /health/live}: the process answers. {@code /health/ready}: whether <em>this process</em> can serve — its own
 * checks (the Hazelcast member runs, and the process is not stopping) answer within a second. Kafka, Postgres and the projector are dependencies: their
 * state is in the body and in {@code /health/dependencies} (503 while one is down), never in readiness, because a
 * broker or database hiccup must not take every pod out of its Service at once — introspection and userinfo need
 * neither, and token issuance answers 503 itself while the log is away.
 */
public final class HealthChecks {
    private static final long TIMEOUT_MS = 1000;

    private final Map<String, Supplier<Future<?>>> own = new LinkedHashMap<>();
    private final Map<String, Supplier<Future<?>>> dependencies = new LinkedHashMap<>();

    /** A check of this process itself: readiness fails while it fails. */
    public HealthChecks add(String name, Supplier<Future<?>> check) {
        own.put(name, check);
        return this;
    }

    /** A service this process uses but can partly serve without: reported, never part of readiness. */
    public HealthChecks addDependency(String name, Supplier<Future<?>> check) {
        dependencies.put(name, check);
        return this;
    }

    /**
     * Runs the dependency checks every {@code periodMs} and publishes each as {@code lanyard.dependency.up} (1 up,
     * 0 down), the same checks and verdicts as {@code /health/dependencies}, for alerts and dashboards. Call once,
     * after every dependency is added; the timer ends with Vert.x.
     */
    public void publishDependencyGauges(Vertx vertx, MeterRegistry meters, long periodMs) {
        Map<String, AtomicInteger> states = new LinkedHashMap<>();
        dependencies.keySet().forEach(name -> {
            AtomicInteger up = new AtomicInteger();
            Gauge.builder("lanyard.dependency.up", up, AtomicInteger::get)
                    .description("1 while the dependency answers its check (as /health/dependencies reports it),"
                            + " 0 while it does not; checked every " + periodMs / 1000 + " s")
                    .tag("dependency", name)
                    .strongReference(true)
                    .register(meters);
            states.put(name, up);
        });
        vertx.setPeriodic(1, periodMs, tick -> states.forEach((name, up) ->
                run(dependencies.get(name)).onComplete(done -> up.set(done.succeeded() ? 1 : 0))));
    }

    public void live(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                .end("{\"status\":\"UP\"}");
    }

    /** 200 while this process can serve; the body also names the state of each dependency. */
    public void ready(RoutingContext ctx) {
        Future.join(run(own), run(dependencies)).onComplete(done -> {
            Report self = done.result().resultAt(0);
            Report deps = done.result().resultAt(1);
            answer(ctx, self.up(), new JsonObject().put("status", self.up() ? "UP" : "DOWN")
                    .put("checks", self.details()).put("dependencies", deps.details()));
        });
    }

    /** 200 while every dependency answers, 503 naming the ones that do not. */
    public void dependencies(RoutingContext ctx) {
        run(dependencies).onComplete(done -> answer(ctx, done.result().up(), new JsonObject()
                .put("status", done.result().up() ? "UP" : "DOWN").put("checks", done.result().details())));
    }

    private record Report(boolean up, JsonObject details) {
    }

    private Future<Report> run(Map<String, Supplier<Future<?>>> checks) {
        List<String> names = List.copyOf(checks.keySet());
        List<Future<?>> results = names.stream().<Future<?>>map(name -> run(checks.get(name))).toList();
        return Future.join(results).transform(done -> {
            JsonObject details = new JsonObject();
            boolean up = true;
            for (int i = 0; i < names.size(); i++) {
                boolean ok = results.get(i).succeeded();
                up &= ok;
                details.put(names.get(i), ok ? "UP" : "DOWN: " + results.get(i).cause().getMessage());
            }
            return Future.succeededFuture(new Report(up, details));
        });
    }

    private static Future<?> run(Supplier<Future<?>> check) {
        Future<?> started;
        try {
            started = check.get();
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        return started.timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    private static void answer(RoutingContext ctx, boolean up, JsonObject body) {
        ctx.response().setStatusCode(up ? 200 : 503).putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store").end(body.encode());
    }
}
