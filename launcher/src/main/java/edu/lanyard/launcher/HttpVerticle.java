package edu.lanyard.launcher;

import edu.lanyard.core.error.MalformedRequestException;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.error.OAuthException;
import edu.lanyard.core.logging.LogRedactor;
import edu.lanyard.core.runtime.Platform;
import edu.lanyard.dialects.DialectBadRequests;
import edu.lanyard.dialects.ProductDialects;
import edu.lanyard.dialects.http.HttpMetrics;
import edu.lanyard.dialects.http.WellFormedRequests;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.AllowForwardHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One event-loop's HTTP server. The launcher deploys one instance per core; Vert.x spreads connections across them
 * on the same port.
 */
public final class HttpVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(HttpVerticle.class);

    /** The description of the 404 for a path no service routes. */
    static final String NO_SUCH_ENDPOINT = "no such endpoint";

    private static final Set<HttpMethod> FORM_METHODS = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);
    private final Platform platform;
    private final List<ServiceMount> services;
    private final HealthChecks health;
    private final io.vertx.core.Handler<RoutingContext> metricsScrape;
    private final Traffic traffic;
    private HttpServer server;

    HttpVerticle(Platform platform, List<ServiceMount> services, HealthChecks health,
                 io.vertx.core.Handler<RoutingContext> metricsScrape, Traffic traffic) {
        this.platform = platform;
        this.services = services;
        this.health = health;
        this.metricsScrape = metricsScrape;
        this.traffic = traffic;
    }

    @Override
    public Future<?> start() {
        // Mounting a service may read the classpath or the cluster (templates, shared keys): not on the event loop.
        return vertx.executeBlocking(this::router, false).compose(this::listen);
    }

    /**
     * Undeploying closes the port to new connections, closes idle ones, and lets each request already received be
     * answered (its connection closes after the answer), for at most {@code http.drainTimeoutSeconds}; then whatever
     * is still open is cut.
     */
    @Override
    public Future<?> stop() {
        return server == null ? Future.succeededFuture()
                : server.shutdown(platform.config().http().drainTimeoutSeconds(), TimeUnit.SECONDS);
    }

    private Future<?> listen(Router router) {
        var http = platform.config().http();
        HttpServerOptions options = new HttpServerOptions()
                .setHost(http.host())
                .setPort(http.port())
                .setTcpNoDelay(true)
                .setCompressionSupported(false)
                // HTTP/1.1 only (no h2c upgrade): a stopping node asks each client to close its connection with
                // `Connection: close`, which every HTTP/1.1 client honours; HTTP/2 has only GOAWAY, on which the JDK's
                // HttpClient before JDK 24 aborts the requests still open on the connection (JDK-8335181).
                .setHttp2ClearTextEnabled(false)
                .setMaxFormAttributeSize(http.maxBodyBytes())
                .setIdleTimeout(120);
        return vertx.createHttpServer(options)
                .invalidRequestHandler(HttpVerticle::unreadable)
                .exceptionHandler(HttpVerticle::connectionFailed)
                .requestHandler(router)
                .listen()
                .onSuccess(listening -> server = listening);
    }

    Router router() {
        Router router = Router.router(vertx);
        router.route().handler(traffic.tracker());
        if (platform.config().http().trustForwardedHeaders()) {
            router.allowForward(AllowForwardHeaders.X_FORWARD);
        }
        router.route().handler(new HttpMetrics(platform.meters()));
        router.get("/health/live").handler(HttpMetrics.named("health", health::live));
        router.get("/health/ready").handler(HttpMetrics.named("health", health::ready));
        router.get("/health/dependencies").handler(HttpMetrics.named("health", health::dependencies));
        // /metrics lives on the management port (ManagementVerticle); here only behind its own token, if configured.
        if (platform.config().management().metricsOnServicePort()) {
            router.get("/metrics").handler(HttpMetrics.named("metrics",
                    new MetricsAccess(platform.config().management(), metricsScrape)));
        }
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
        router.route().handler(new WellFormedRequests());
        services.forEach(service -> service.mount(router, platform));
        DialectBadRequests dialects = new DialectBadRequests(ProductDialects.enabled(platform.config().dialects()));
        router.route().failureHandler(ctx -> failure(ctx, dialects));
        // A path the router cannot decode fails before any route matches, so no failure handler sees it.
        router.errorHandler(400, ctx -> badRequest(ctx, dialects, 400, "the request could not be read"));
        router.errorHandler(404, HttpVerticle::notFound);
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

    /**
     * Anything a handler did not answer itself: a clear error in the shape of the endpoint's dialect (standard OAuth
     * JSON unless a product dialect owns the path), never a stack trace. Failures of the request (4xx) are the
     * client's and are not logged; others are, redacted, since library messages quote the request.
     */
    private static void failure(RoutingContext ctx, DialectBadRequests dialects) {
        int status = ctx.statusCode();
        if (ctx.failure() instanceof OAuthException oauth && oauth.error().status() < 500) {
            // A handler let the client's own error escape (Vert.x calls that a 500): answer it as what it is.
            badRequest(ctx, dialects, oauth.error().status(), oauth.error().description(), oauth.error().error());
        } else if (status == 413) {
            badRequest(ctx, dialects, 413, "the request body is too large");
        } else if (status >= 400 && status < 500) {
            badRequest(ctx, dialects, status, ctx.failure() instanceof MalformedRequestException malformed
                    ? malformed.getMessage() : "the request could not be read");
        } else {
            if (ctx.failure() != null) {
                LOG.error("unhandled failure on {}", LogRedactor.redact(ctx.request().path()),
                        LogRedactor.scrub(ctx.failure()));
            }
            error(ctx, 500, "server_error", "the server could not complete the request");
        }
    }

    static void notFound(RoutingContext ctx) {
        error(ctx, 404, "not_found", NO_SUCH_ENDPOINT);
    }

    private static void badRequest(RoutingContext ctx, DialectBadRequests dialects, int status, String description) {
        badRequest(ctx, dialects, status, description, "invalid_request");
    }

    private static void badRequest(RoutingContext ctx, DialectBadRequests dialects, int status, String description,
                                   String error) {
        if (ctx.response().ended()) {
            return;
        }
        if (!dialects.answer(ctx, new OAuthError(error, description, status))) {
            error(ctx, status, error, description);
        }
    }

    /**
     * A request the HTTP decoder could not parse (a request line or headers too long, broken framing): the status
     * it chose (400, 414 or 431) with an OAuth error body, and the connection closed, as the default would.
     */
    private static void unreadable(HttpServerRequest request) {
        DecoderResult result = request.decoderResult();
        Throwable cause = result == null ? null : result.cause();
        int status = 400;
        String description = "the request could not be read";
        if (cause instanceof TooLongFrameException tooLong) {
            String message = String.valueOf(tooLong.getMessage());
            if (message.startsWith("An HTTP line is larger than")) {
                status = 414;
                description = "the request line is too long";
            } else if (message.startsWith("HTTP header is larger than")) {
                status = 431;
                description = "the request headers are too large";
            }
        }
        request.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json;charset=UTF-8")
                .putHeader("Cache-Control", "no-store")
                .putHeader("Connection", "close")
                .end(new JsonObject().put("error", "invalid_request").put("error_description", description).encode());
    }

    /** A connection-level failure (a client resetting, garbage instead of HTTP): nothing the server did wrong. */
    private static void connectionFailed(Throwable failure) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("connection failed: {}", LogRedactor.redact(String.valueOf(failure)));
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
