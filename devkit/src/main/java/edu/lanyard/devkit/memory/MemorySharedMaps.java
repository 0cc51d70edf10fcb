package edu.lanyard.devkit.memory;

import edu.lanyard.core.store.KeyValueMap;
import edu.lanyard.core.store.SharedMaps;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Named maps of one in-memory "cluster": asking twice for a name answers the same map. */
public final class MemorySharedMaps implements SharedMaps {
    private final Clock clock;
    private final Map<String, MemoryKeyValueMap> maps = new ConcurrentHashMap<>();

    public MemorySharedMaps(Clock clock) {
        this.clock = clock;
    }

    @Override
    public MemoryKeyValueMap map(String name) {
        return maps.computeIfAbsent(name, ignored -> new MemoryKeyValueMap(clock));
    }

    @Override
    public String settle(String name, String key, String value) {
        return map(name).settle(key, value);
    }
}
