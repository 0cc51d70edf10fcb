package edu.lanyard.devkit.memory;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A map whose entries expire once the injected clock passes their end; expired entries are dropped when next touched,
 * so no thread ever runs in the background. Every method is synchronized: a {@link #compute} is as atomic as a
 * Hazelcast entry processor on the key's partition owner.
 */
final class ExpiringEntries<V> {
    /** An entry's value with the instant it ends; {@code endsAt} null means it never expires. */
    record Entry<V>(V value, Instant endsAt) {
        boolean aliveAt(Instant now) {
            return endsAt == null || !now.isAfter(endsAt);
        }
    }

    private final Clock clock;
    private final Map<String, Entry<V>> entries = new HashMap<>();

    ExpiringEntries(Clock clock) {
        this.clock = clock;
    }

    /** Seconds to live as Hazelcast counts them: at least 1, since Hazelcast reads 0 as "forever". */
    Instant endAfterSeconds(long ttlSeconds) {
        return clock.instant().plusSeconds(Math.max(1, ttlSeconds));
    }

    /** The end of an entry that lives until {@code expiresAt} (epoch seconds), but at least one second. */
    Instant endAtEpochSecond(long expiresAt) {
        return endAfterSeconds(expiresAt - clock.instant().getEpochSecond());
    }

    synchronized void put(String key, V value, Instant endsAt) {
        entries.put(key, new Entry<>(value, endsAt));
    }

    synchronized Optional<V> get(String key) {
        return live(key).map(Entry::value);
    }

    synchronized Optional<V> remove(String key) {
        Optional<Entry<V>> found = live(key);
        entries.remove(key);
        return found.map(Entry::value);
    }

    synchronized Optional<V> putIfAbsent(String key, V value, Instant endsAt) {
        Optional<Entry<V>> found = live(key);
        if (found.isEmpty()) {
            entries.put(key, new Entry<>(value, endsAt));
        }
        return found.map(Entry::value);
    }

    /**
     * Replaces the live entry (or its absence, as null) by what {@code change} answers, null removing it; answers the
     * entry as it was before.
     */
    synchronized Optional<Entry<V>> compute(String key, Function<Entry<V>, Entry<V>> change) {
        Optional<Entry<V>> before = live(key);
        Entry<V> after = change.apply(before.orElse(null));
        if (after == null) {
            entries.remove(key);
        } else {
            entries.put(key, after);
        }
        return before;
    }

    /** As {@link #compute}, but answers the entry's value after the change (empty if it removed it). */
    synchronized Optional<V> update(String key, Function<Entry<V>, Entry<V>> change) {
        compute(key, change);
        return live(key).map(Entry::value);
    }

    synchronized int size() {
        entries.keySet().removeIf(key -> live(key).isEmpty());
        return entries.size();
    }

    private Optional<Entry<V>> live(String key) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!entry.aliveAt(clock.instant())) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of(entry);
    }
}
