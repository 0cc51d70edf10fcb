package edu.lanyard.projection.admin;

import edu.lanyard.core.logging.LogRedactor;
import edu.lanyard.dialects.http.Responses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** JSON answers of the admin API; a failure becomes a clear error, never a stack trace. */
final class AdminReplies {
    private static final Logger LOG = LoggerFactory.getLogger(AdminReplies.class);

    private AdminReplies() {
    }

    static void ok(RoutingContext ctx, JsonObject body) {
        Responses.noStore(ctx);
        Responses.json(ctx, 200, body);
    }

    static void error(RoutingContext ctx, int status, String error, String description) {
        Responses.noStore(ctx);
        Responses.json(ctx, status, new JsonObject().put("error", error).put("error_description", description));
    }

    /** Answers with the result of {@code work}, or with the error it failed with. */
    static void reply(RoutingContext ctx, Future<JsonObject> work) {
        reply(ctx, 200, work);
    }

    /** A CSV download, or the JSON error the work failed with. */
    static void csv(RoutingContext ctx, String filename, Future<String> work) {
        work.onComplete(done -> {
            if (done.succeeded()) {
                Responses.noStore(ctx);
                ctx.response().putHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
                Responses.text(ctx, 200, "text/csv;charset=UTF-8", done.result());
            } else {
                reply(ctx, Future.failedFuture(done.cause()));
            }
        });
    }

    static void reply(RoutingContext ctx, int status, Future<JsonObject> work) {
        work.onComplete(done -> {
            if (done.succeeded()) {
                Responses.noStore(ctx);
                Responses.json(ctx, status, done.result());
            } else if (done.cause() instanceof AdminException bad) {
                error(ctx, bad.status(), bad.error(), bad.getMessage());
            } else {
                LOG.error("admin request {} failed", ctx.normalizedPath(), LogRedactor.scrub(done.cause()));
                error(ctx, 503, "temporarily_unavailable", "the projections cannot be read right now");
            }
        });
    }
}
