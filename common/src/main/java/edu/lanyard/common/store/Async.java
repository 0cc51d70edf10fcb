package edu.lanyard.common.store;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.concurrent.CompletionStage;

/** Hazelcast completes on its own threads; callers continue on the Vert.x context they called from. */
final class Async {
    private Async() {
    }

    static <T> Future<T> onCaller(Vertx vertx, CompletionStage<T> stage) {
        Context context = Vertx.currentContext();
        return Future.fromCompletionStage(stage, context != null ? context : vertx.getOrCreateContext());
    }
}
