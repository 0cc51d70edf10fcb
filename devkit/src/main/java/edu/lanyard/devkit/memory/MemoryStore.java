package edu.lanyard.devkit.memory;

import edu.lanyard.core.store.StoreUnavailableException;
import io.vertx.core.Future;

import java.util.function.Supplier;

/**
 * What every in-memory store shares: answers are already-completed futures, and a test can take the store down to
 * see how callers handle a cluster that does not answer (every operation then fails as the Hazelcast stores do, with
 * {@link StoreUnavailableException}, and changes nothing).
 */
public abstract class MemoryStore {
    private volatile boolean down;

    /** From now on every operation fails with {@link StoreUnavailableException}. */
    public void goDown() {
        down = true;
    }

    public void comeBack() {
        down = false;
    }

    protected final <T> Future<T> answer(Supplier<T> operation) {
        if (down) {
            return Future.failedFuture(new StoreUnavailableException(
                    "the token store cannot answer right now; try again shortly",
                    new IllegalStateException(getClass().getSimpleName() + " was taken down by the test")));
        }
        return Future.succeededFuture(operation.get());
    }

    protected final Future<Void> run(Runnable operation) {
        return answer(() -> {
            operation.run();
            return null;
        });
    }
}
