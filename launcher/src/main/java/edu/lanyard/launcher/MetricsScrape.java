package edu.lanyard.launcher;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * The Prometheus text exposition of a node's meters, served on the management port. It is written on a worker: the
 * gauges read Hazelcast's map statistics and the connection pools, and a scrape of a busy node is long text.
 */
final class MetricsScrape {
    private MetricsScrape() {
    }

    public static Handler<RoutingContext> scrapeHandler(PrometheusMeterRegistry registry) {
        return ctx -> ctx.vertx().executeBlocking(registry::scrape, false).onComplete(done -> {
            if (done.succeeded()) {
                ctx.response()
                        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                        .end(done.result());
            } else {
                ctx.fail(done.cause());
            }
        });
    }
}
