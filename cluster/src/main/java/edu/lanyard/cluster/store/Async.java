package edu.lanyard.cluster.store;

import edu.lanyard.core.logging.LogRedactor;
import edu.lanyard.core.store.StoreUnavailableException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Hazelcast completes on its own threads; callers continue on the Vert.x context they called from. A store that
 * cannot answer (a member lost mid-operation, an entry that cannot be loaded yet after a cold start) is a reason
 * to retry, so its failure reaches the client as temporarily_unavailable (503), never as a server error.
 */
final class Async {
    /**
     * Runs the completion on the Hazelcast thread that completed the operation, which only hands it to the event
     * loop. Without an explicit executor Hazelcast uses its default async executor, and where the common fork-join
     * pool has a parallelism of 1 (any 2-core machine) that executor starts a new thread for every completion.
     */
    private static final Executor ON_COMPLETING_THREAD = Runnable::run;
    private static final Logger LOG = LoggerFactory.getLogger(Async.class);

    private Async() {
    }

    static <T> Future<T> onCaller(Vertx vertx, CompletionStage<T> stage) {
        Context current = Vertx.currentContext();
        Context context = current != null ? current : vertx.getOrCreateContext();
        Promise<T> promise = Promise.promise();
        stage.whenCompleteAsync((value, failure) -> context.runOnContext(ignored -> {
            if (failure != null) {
                promise.fail(failure);
            } else {
                promise.complete(value);
            }
        }), ON_COMPLETING_THREAD);
        return promise.future().recover(Async::unavailable);
    }

    private static <T> Future<T> unavailable(Throwable failure) {
        LOG.warn("the token store did not answer: {}", LogRedactor.redact(failure.toString()));
        return Future.failedFuture(new StoreUnavailableException(
                "the token store cannot answer right now; try again shortly", failure));
    }
}
