package edu.lanyard.common.store;

import edu.lanyard.common.http.OAuthError;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletionStage;

/**
 * Hazelcast completes on its own threads; callers continue on the Vert.x context they called from. A store that
 * cannot answer (a member lost mid-operation, an entry that cannot be loaded yet after a cold start) is a reason
 * to retry, so its failure reaches the client as temporarily_unavailable (503), never as a server error.
 */
final class Async {
    private static final Logger LOG = LoggerFactory.getLogger(Async.class);

    private Async() {
    }

    static <T> Future<T> onCaller(Vertx vertx, CompletionStage<T> stage) {
        Context context = Vertx.currentContext();
        return Future.fromCompletionStage(stage, context != null ? context : vertx.getOrCreateContext())
                .recover(Async::unavailable);
    }

    private static <T> Future<T> unavailable(Throwable failure) {
        LOG.warn("the token store did not answer: {}", failure.toString());
        return Future.failedFuture(OAuthError.temporarilyUnavailable(
                "the token store cannot answer right now; try again shortly").toException());
    }
}
