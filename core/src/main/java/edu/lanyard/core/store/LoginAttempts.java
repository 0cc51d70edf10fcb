package edu.lanyard.core.store;

import io.vertx.core.Future;

/**
 * Failed sign-ins and locks per user and per address, counted across the cluster.
 * Implemented over Hazelcast in the cluster module, and in memory for unit tests.
 */
public interface LoginAttempts {

    /** Counts one failure for {@code key}; answers the count within the window. */
    Future<Integer> countFailure(String key, long windowSeconds);

    Future<Void> clearFailures(String key);

    Future<Void> lock(String key, long untilEpochSecond, long seconds);

    /** The epoch second a lock on {@code key} ends, or null when it is not locked. */
    Future<Long> lockedUntil(String key);

    Future<Void> unlock(String key);
}
