package edu.lanyard.projection.coldstart;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keys known to be absent from the projections, least recently asked first out. Bounded, so that a flood of
 * made-up tokens costs each node a fixed amount of memory and at most one query per key it still remembers.
 */
final class AbsentKeys {
    static final int DEFAULT_CAPACITY = 200_000;

    private final Map<String, Boolean> keys;

    AbsentKeys(int capacity) {
        this.keys = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized boolean contains(String key) {
        return keys.get(key) != null;
    }

    synchronized void add(String key) {
        keys.put(key, Boolean.TRUE);
    }

    synchronized int size() {
        return keys.size();
    }
}
