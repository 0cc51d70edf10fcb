package edu.lanyard.launcher;

import edu.lanyard.common.http.OAuthException;
import edu.lanyard.common.metrics.HttpMetrics;
import edu.lanyard.common.runtime.Platform;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.AllowForwardHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One event-loop's HTTP server. The launcher deploys one instance per core; Vert.x spreads connections across them
 * on the same port.
 */
public final class HttpVerticle extends VerticleBase {
    private static final Set<HttpMethod> FORM_METHODS = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);
    private final Platform platform;
    private final List<ServiceMount> services;
    private final HealthChecks health;
    private final io.vertx.core.Handler<RoutingContext> metricsScrape;

    public HttpVerticle(Platform platform, List<ServiceMount> services, HealthChecks health,
                        io.vertx.core.Handler<RoutingContext> metricsScrape) {
        this.platform = platform;
        this.services = services;
        this.health = health;
        this.metricsScrape = metricsScrape;
    }

    @Override
    public Future<?> start() {
        // Mounting a service may read the classpath or the cluster (templates, shared keys): not on the event loop.
        return vertx.executeBlocking(this::router, false).compose(this::listen);
    }

    private Future<?> listen(Router router) {
        var http = platform.config().http();
        HttpServerOptions options = new HttpServerOptions()
                .setHost(http.host())
                .setPort(http.port())
                .setTcpNoDelay(true)
                .setCompressionSupported(false)
                .setMaxFormAttributeSize(http.maxBodyBytes())
                .setIdleTimeout(120);
        return vertx.createHttpServer(options).requestHandler(router).listen();
    }

    Router router() {
        Router router = Router.router(vertx);
        if (platform.config().http().trustForwardedHeaders()) {
            router.allowForward(AllowForwardHeaders.X_FORWARD);
        }
        router.route().handler(new HttpMetrics(platform.meters()));
        router.get("/health/live").handler(HttpMetrics.named("health", health::live));
        router.get("/health/ready").handler(HttpMetrics.named("health", health::ready));
        router.get("/metrics").handler(HttpMetrics.named("metrics", metricsScrape));
        BodyHandler bodies = BodyHandler.create(false)
                .setBodyLimit(platform.config().http().maxBodyBytes())
                .setMergeFormAttributes(false);
        router.route().handler(ctx -> {
            if (formOnMethodWithoutForms(ctx.request())) {
                ctx.next(); // nothing to decode, and BodyHandler would fail the request with a 500
            } else {
                bodies.handle(ctx);
            }
        });
        services.forEach(service -> service.mount(router, platform));
        router.route().failureHandler(HttpVerticle::failure);
        router.errorHandler(404, ctx -> error(ctx, 404, "not_found", "no such endpoint"));
        router.errorHandler(405, ctx -> {
            // RFC 9110 §15.5.6: a 405 must say which methods the resource has.
            ctx.response().putHeader("Allow", allowedMethods(router, ctx.normalizedPath()));
            error(ctx, 405, "invalid_request", "method not allowed here");
        });
        return router;
    }

    /**
     * A GET (or HEAD, OPTIONS…) labelled as a form, as some HTTP client libraries send one: Vert.x decodes forms only
     * on POST, PUT, PATCH and DELETE and throws an IllegalStateException for any other method.
     */
    private static boolean formOnMethodWithoutForms(HttpServerRequest request) {
        String type = request.getHeader("Content-Type");
        if (type == null || FORM_METHODS.contains(request.method())) {
            return false;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        return lower.startsWith("application/x-www-form-urlencoded") || lower.startsWith("multipart/form-data");
    }

    private static String allowedMethods(Router router, String path) {
        return router.getRoutes().stream()
                .filter(route -> path.equals(route.getPath()) && route.methods() != null)
                .flatMap(route -> route.methods().stream())
                .map(HttpMethod::name)
                .distinct()
                .sorted()
                .collect(Collectors.joining(", "));
    }

    /** Anything a handler did not answer itself: a clear OAuth-shaped error, never a stack trace. */
    private static void failure(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (ctx.failure() instanceof OAuthException oauth && oauth.error().status() < 500) {
            // A handler let the client's own error escape (Vert.x calls that a 500): answer it as what it is.
            error(ctx, oauth.error().status(), oauth.error().error(), oauth.error().description());
        } else if (status == 413) {
            error(ctx, 413, "invalid_request", "the request body is too large");
        } else if (status >= 400 && status < 500) {
            error(ctx, status, "invalid_request", "the request could not be read");
        } else {
            if (ctx.failure() != null) {
                org.slf4j.LoggerFactory.getLogger(HttpVerticle.class).error("unhandled failure on {}",
                        ctx.normalizedPath(), ctx.failure());
            }
            error(ctx, 500, "server_error", "the server could not complete the request");
        }
    }

    private static void error(RoutingContext ctx, int status, String error, String description) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json;charset=UTF-8")
                .putHeader("Cache-Control", "no-store")
                .end(new JsonObject().put("error", error).put("error_description", description).encode());
    }
}
