package edu.lanyard.core.store;

import io.vertx.core.Future;

import java.util.Optional;

/**
 * A shared map of strings with per-entry lifetimes, for small pieces of flow state.
 * Implemented over Hazelcast in the cluster module, and in memory for unit tests.
 */
public interface KeyValueMap {

    Future<Void> put(String key, String value, long ttlSeconds);

    Future<Optional<String>> get(String key);

    Future<Optional<String>> remove(String key);
}
