package edu.lanyard.cluster.store;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.map.IMap;
import edu.lanyard.core.store.KeyValueMap;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.Map;
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

    /** On the member owning the key, so two nodes adding at once both count (no read-then-write). */
    @Override
    public Future<Void> addMember(String key, String member, long ttlSeconds) {
        return Async.onCaller(vertx, map.submitToKey(key, new AddMember(member, Math.max(1, ttlSeconds)))).mapEmpty();
    }

    record AddMember(String member, long ttlSeconds) implements EntryProcessor<String, String, Void> {
        @Override
        public Void process(Map.Entry<String, String> entry) {
            ((ExtendedMapEntry<String, String>) entry).setValue(
                    KeyValueMap.withMember(entry.getValue(), member), ttlSeconds, TimeUnit.SECONDS);
            return null;
        }
    }
}
