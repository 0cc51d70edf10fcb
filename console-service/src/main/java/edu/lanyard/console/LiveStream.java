package edu.lanyard.console;

import edu.lanyard.core.operator.ConsoleAccess;
import edu.lanyard.core.operator.ConsoleOperators;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code GET /console/api/live}: server-sent events. First the hour held ({@code event: history}), then each new
 * sample ({@code event: sample}) as the feed takes it. The stream is one long request, so the operator's token and
 * role are checked again before every sample; once they no longer pass, the stream says {@code event: end} and
 * closes.
 */
final class LiveStream implements Handler<RoutingContext> {
    private final LiveFeed feed;
    private final ConsoleOperators operators;

    LiveStream(LiveFeed feed, ConsoleOperators operators) {
        this.feed = feed;
        this.operators = operators;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String token = ConsoleOperators.bearer(ctx.request().getHeader("Authorization"));
        Context context = Vertx.currentContext();
        HttpServerResponse response = ConsolePages.secure(ctx)
                .setChunked(true)
                .putHeader("Content-Type", "text/event-stream;charset=UTF-8")
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Accel-Buffering", "no");
        JsonArray history = new JsonArray();
        feed.history().forEach(sample -> history.add(sample.toJson()));
        response.write(event("history", new JsonObject().put("interval_ms", LiveFeed.INTERVAL_MS)
                .put("samples", history)));
        AtomicBoolean open = new AtomicBoolean(true);
        Runnable[] unsubscribe = new Runnable[1];
        unsubscribe[0] = feed.subscribe(sample -> context.runOnContext(v -> {
            if (!open.get()) {
                return;
            }
            operators.check(token).onComplete(checked -> {
                if (!open.get()) {
                    return;
                }
                if (checked.succeeded() && checked.result() instanceof ConsoleAccess.Operator) {
                    response.write(event("sample", sample.toJson()));
                } else if (checked.succeeded()) {
                    open.set(false);
                    unsubscribe[0].run();
                    response.end(event("end", new JsonObject().put("reason", "signed_out")));
                }
                // a check that could not run (the cluster busy) skips this sample; the next one tries again
            });
        }));
        response.closeHandler(v -> {
            open.set(false);
            unsubscribe[0].run();
        });
    }

    private static String event(String name, JsonObject data) {
        return "event: " + name + "\ndata: " + data.encode() + "\n\n";
    }
}
