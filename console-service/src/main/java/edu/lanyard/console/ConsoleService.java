package edu.lanyard.console;

import edu.lanyard.core.operator.ConsoleAccess;
import edu.lanyard.core.operator.ConsoleClient;
import edu.lanyard.core.operator.ConsoleOperators;
import edu.lanyard.core.operator.CsrfCheck;
import edu.lanyard.core.operator.OperatorRole;
import edu.lanyard.core.runtime.Platform;
import edu.lanyard.dialects.http.Responses;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

import java.util.Map;
import java.util.WeakHashMap;

import static edu.lanyard.dialects.http.HttpMetrics.named;

/**
 * The operator console at {@code /console}: a page that signs its operator in through Lanyard itself (the built-in
 * public client {@link ConsoleClient}, authorization code with PKCE) and then works through the operator API
 * ({@code /admin}, which accepts the console's tokens) and this service's own {@code /console/api}: who is signed in,
 * and the live dashboard pushed as server-sent events.
 */
public final class ConsoleService {
    /** One live feed per node (the HTTP verticles of a node share its Vert.x); weak so a stopped node's goes away. */
    private static final Map<Vertx, ConsoleService> NODES = new WeakHashMap<>();

    private final ConsolePages pages = new ConsolePages();
    private final ConsoleOperators operators;
    private final CsrfCheck csrf;
    private final LiveFeed feed;
    private final String operatorRole;

    private ConsoleService(Platform platform) {
        this.operatorRole = platform.config().console().operatorRole();
        this.operators = new ConsoleOperators(platform.validator(), platform.users(), new OperatorRole(operatorRole));
        this.csrf = new CsrfCheck(platform.issuer());
        this.feed = new LiveFeed(platform.vertx(), platform.meters());
    }

    /** The launcher's {@code ServiceMount}: called once per HTTP verticle. Nothing is mounted while the console is off. */
    public static void mount(Router router, Platform platform) {
        if (!platform.config().console().enabled()) {
            return;
        }
        ConsoleService service;
        synchronized (NODES) {
            // The feed's timer ends with the verticle that started it, or with Vert.x: both only when the node stops.
            service = NODES.computeIfAbsent(platform.vertx(), vertx -> new ConsoleService(platform));
        }
        service.routes(router);
    }

    private void routes(Router router) {
        // Vert.x routes /console and /console/ alike: the page's relative links need the slash.
        io.vertx.core.Handler<io.vertx.ext.web.RoutingContext> home = named("console", ctx -> {
            if (ctx.request().path().endsWith("/")) {
                pages.page(ctx);
            } else {
                ctx.redirect("/console/");
            }
        });
        router.get("/console/").handler(home);
        router.get("/console").handler(home);
        router.get(ConsoleClient.CALLBACK_PATH).handler(named("console", pages::page));
        router.get("/console/assets/:file").handler(named("console", pages::asset));
        router.route("/console/api/*").handler(named("console.api", new ConsoleGate(operators, csrf, operatorRole)));
        router.get("/console/api/me").handler(named("console.api", ctx -> {
            ConsoleAccess.Operator operator = ctx.get(ConsoleGate.OPERATOR);
            Responses.noStore(ctx);
            Responses.json(ctx, 200, new JsonObject().put("subject", operator.subject())
                    .put("username", operator.username()).put("role", operatorRole));
        }));
        router.get("/console/api/live").handler(named("console.live", new LiveStream(feed, operators)));
        router.get("/console/api/history").handler(named("console.api", ctx -> {
            JsonArray samples = new JsonArray();
            feed.history().forEach(sample -> samples.add(sample.toJson()));
            Responses.noStore(ctx);
            Responses.json(ctx, 200, new JsonObject().put("interval_ms", LiveFeed.INTERVAL_MS)
                    .put("samples", samples));
        }));
    }
}
