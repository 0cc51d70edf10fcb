package edu.lanyard.core.store;

import io.vertx.core.Future;

import java.io.Serializable;
import java.util.Optional;

/**
 * Failed client authentications per client id and per address, in fixed windows.
 * Implemented over Hazelcast in the cluster module, and in memory for unit tests.
 */
public interface AuthFailureWindows {

    /** Failures counted for {@code key} in the window open at {@code now}, with the second it ends. */
    record Window(long startedAt, long endsAt, int failures) implements Serializable {
        public boolean openAt(long now) {
            return now < endsAt;
        }
    }

    /** Counts one failure at {@code now}, in one atomic step on the key's owner; answers the window after it. */
    Future<Window> countFailure(String key, long now, long windowSeconds);

    /** The window of {@code key} if one is open at {@code now}. */
    Future<Optional<Window>> open(String key, long now);
}
