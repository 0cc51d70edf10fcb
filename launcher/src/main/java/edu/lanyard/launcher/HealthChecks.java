package edu.lanyard.launcher;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code /health/live}: the process answers. {@code /health/ready}: every dependency this node needs answered within a
 * second (Hazelcast, Kafka, Postgres); 503 with the failing ones named otherwise.
 */
public final class HealthChecks {
    private static final long TIMEOUT_MS = 1000;

    private final Vertx vertx;
    private final Map<String, Supplier<Future<?>>> checks = new LinkedHashMap<>();

    public HealthChecks(Vertx vertx) {
        this.vertx = vertx;
    }

    public HealthChecks add(String name, Supplier<Future<?>> check) {
        checks.put(name, check);
        return this;
    }

    public void live(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                .end("{\"status\":\"UP\"}");
    }

    public void ready(RoutingContext ctx) {
        List<String> names = List.copyOf(checks.keySet());
        List<Future<?>> results = names.stream().map(this::run).toList();
        Future.join(results).onComplete(done -> {
            JsonObject body = new JsonObject();
            JsonObject details = new JsonObject();
            boolean up = true;
            for (int i = 0; i < names.size(); i++) {
                boolean ok = results.get(i).succeeded();
                up &= ok;
                details.put(names.get(i), ok ? "UP" : "DOWN: " + results.get(i).cause().getMessage());
            }
            body.put("status", up ? "UP" : "DOWN").put("checks", details);
            ctx.response().setStatusCode(up ? 200 : 503).putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "no-store").end(body.encode());
        });
    }

    private Future<?> run(String name) {
        Future<?> check;
        try {
            check = checks.get(name).get();
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        return check.timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }
}
