package edu.lanyard.cluster.store;

import com.hazelcast.core.HazelcastInstance;
import edu.lanyard.core.store.KeyValueMap;
import edu.lanyard.core.store.SharedMaps;
import io.vertx.core.Vertx;

/** Shared maps as Hazelcast IMaps. */
public final class HazelcastSharedMaps implements SharedMaps {
    private final Vertx vertx;
    private final HazelcastInstance hazelcast;

    public HazelcastSharedMaps(Vertx vertx, HazelcastInstance hazelcast) {
        this.vertx = vertx;
        this.hazelcast = hazelcast;
    }

    @Override
    public KeyValueMap map(String name) {
        return new HazelcastKeyValueMap(vertx, hazelcast, name);
    }

    @Override
    public String settle(String name, String key, String value) {
        String winner = hazelcast.<String, String>getMap(name).putIfAbsent(key, value);
        return winner != null ? winner : value;
    }
}
