package edu.lanyard.cluster.store;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import edu.lanyard.core.store.KeyValueMap;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A Hazelcast map of strings with per-entry TTLs, for small pieces of flow state (pending requests, consents). */
public final class HazelcastKeyValueMap implements KeyValueMap {
    private final Vertx vertx;
    private final IMap<String, String> map;

    public HazelcastKeyValueMap(Vertx vertx, HazelcastInstance hazelcast, String name) {
        this.vertx = vertx;
        this.map = hazelcast.getMap(name);
    }

    @Override
    public Future<Void> put(String key, String value, long ttlSeconds) {
        return Async.onCaller(vertx, map.setAsync(key, value, Math.max(1, ttlSeconds), TimeUnit.SECONDS));
    }

    @Override
    public Future<Optional<String>> get(String key) {
        return Async.onCaller(vertx, map.getAsync(key)).map(Optional::ofNullable);
    }

    @Override
    public Future<Optional<String>> remove(String key) {
        return Async.onCaller(vertx, map.removeAsync(key)).map(Optional::ofNullable);
    }
}
