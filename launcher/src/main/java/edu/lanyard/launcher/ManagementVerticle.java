package edu.lanyard.launcher;

import edu.lanyard.core.config.Management;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The management port: {@code /metrics}, {@code /health/live}, {@code /health/ready} and {@code /health/dependencies}, and nothing
 * else. One
 * instance per process is plenty (a scraper and a few probes), and it keeps the bound port knowable when the
 * configuration asks for any free one.
 */
final class ManagementVerticle extends VerticleBase {
    private final Management settings;
    private final HealthChecks health;
    private final Handler<RoutingContext> metricsScrape;
    private volatile int port = -1;

    ManagementVerticle(Management settings, HealthChecks health, Handler<RoutingContext> metricsScrape) {
        this.settings = settings;
        this.health = health;
        this.metricsScrape = metricsScrape;
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        router.get("/metrics").handler(metricsScrape);
        router.get("/health/live").handler(health::live);
        router.get("/health/ready").handler(health::ready);
        router.get("/health/dependencies").handler(health::dependencies);
        router.errorHandler(404, ctx -> error(ctx, 404, "not_found", "no such endpoint on the management port"));
        router.errorHandler(405, ctx -> error(ctx, 405, "invalid_request", "the management port answers GET only"));
        HttpServerOptions options = new HttpServerOptions()
                .setHost(settings.host())
                .setPort(settings.port())
                .setCompressionSupported(false)
                // Scrapers and probes speak HTTP/1.1; an h2c upgrade of a multi-megabyte scrape is only a risk.
                .setHttp2ClearTextEnabled(false)
                .setIdleTimeout(120);
        return vertx.createHttpServer(options).requestHandler(router).listen()
                .onSuccess(server -> port = server.actualPort())
                .recover(e -> Future.failedFuture(new IllegalStateException("cannot open the management port "
                        + settings.host() + ":" + settings.port() + " (management.port): " + e.getMessage(), e)));
    }

    /** The port it listens on; -1 before it started. */
    int port() {
        return port;
    }

    private static void error(RoutingContext ctx, int status, String error, String description) {
        if (status == 405) {
            ctx.response().putHeader("Allow", "GET");
        }
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json;charset=UTF-8")
                .putHeader("Cache-Control", "no-store")
                .end(new JsonObject().put("error", error).put("error_description", description).encode());
    }
}
