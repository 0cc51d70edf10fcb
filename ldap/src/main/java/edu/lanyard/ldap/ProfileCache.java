package edu.lanyard.ldap;

import com.unboundid.ldap.sdk.Entry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A found entry and its group names by login name, for {@code ldap.profileCacheSeconds}: a second sign-in within that
 * time skips the search and the group lookups. The password is bound every time; only what was read is reused.
 */
final class ProfileCache {
    /** Past this many entries the cache starts over: it exists for bursts, not as a copy of the directory. */
    private static final int MAX_ENTRIES = 50_000;

    record Located(Entry entry, List<String> roles) {
    }

    private record Held(Located located, Instant until) {
    }

    private final Duration ttl;
    private final Clock clock;
    private final ConcurrentHashMap<String, Held> entries = new ConcurrentHashMap<>();

    ProfileCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    Optional<Located> get(String login) {
        if (ttl.isZero()) {
            return Optional.empty();
        }
        String key = key(login);
        Held held = entries.get(key);
        if (held == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(held.until())) {
            entries.remove(key, held);
            return Optional.empty();
        }
        return Optional.of(held.located());
    }

    void put(String login, Located located) {
        if (ttl.isZero()) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key(login), new Held(located, clock.instant().plus(ttl)));
    }

    void forget(String login) {
        entries.remove(key(login));
    }

    private static String key(String login) {
        return login.toLowerCase(Locale.ROOT);
    }
}
