package edu.lanyard.devkit.memory;

import edu.lanyard.core.store.KeyValueMap;
import io.vertx.core.Future;

import java.time.Clock;
import java.util.Optional;

/** A map of strings with per-entry lifetimes, in memory. */
public final class MemoryKeyValueMap extends MemoryStore implements KeyValueMap {
    private final ExpiringEntries<String> values;

    public MemoryKeyValueMap(Clock clock) {
        this.values = new ExpiringEntries<>(clock);
    }

    @Override
    public Future<Void> put(String key, String value, long ttlSeconds) {
        return run(() -> values.put(key, value, values.endAfterSeconds(ttlSeconds)));
    }

    @Override
    public Future<Optional<String>> get(String key) {
        return answer(() -> values.get(key));
    }

    @Override
    public Future<Optional<String>> remove(String key) {
        return answer(() -> values.remove(key));
    }

    @Override
    public Future<Void> addMember(String key, String member, long ttlSeconds) {
        return run(() -> values.compute(key, before -> new ExpiringEntries.Entry<>(
                KeyValueMap.withMember(before == null ? null : before.value(), member),
                values.endAfterSeconds(ttlSeconds))));
    }

    /** As Hazelcast's putIfAbsent without a lifetime: a settled value never expires. */
    String settle(String key, String value) {
        return values.putIfAbsent(key, value, null).orElse(value);
    }
}
