package edu.lanyard.launcher;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** The Prometheus text exposition of a node's meters, served on the management port. */
final class MetricsScrape {
    private MetricsScrape() {
    }

    public static Handler<RoutingContext> scrapeHandler(PrometheusMeterRegistry registry) {
        return ctx -> ctx.response()
                .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                .end(registry.scrape());
    }
}
