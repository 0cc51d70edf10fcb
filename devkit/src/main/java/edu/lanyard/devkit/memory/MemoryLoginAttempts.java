package edu.lanyard.devkit.memory;

import edu.lanyard.core.store.LoginAttempts;
import io.vertx.core.Future;

import java.time.Clock;

/** Failed-login counters and locks in memory; a counter's window starts at its first failure. */
public final class MemoryLoginAttempts extends MemoryStore implements LoginAttempts {
    private final ExpiringEntries<Integer> failures;
    private final ExpiringEntries<Long> locks;

    public MemoryLoginAttempts(Clock clock) {
        this.failures = new ExpiringEntries<>(clock);
        this.locks = new ExpiringEntries<>(clock);
    }

    /** As the entry processor: the first failure opens the window, later ones count in it without extending it. */
    @Override
    public Future<Integer> countFailure(String key, long windowSeconds) {
        return answer(() -> failures.update(key, entry -> entry == null
                    ? new ExpiringEntries.Entry<>(1, failures.endAfterSeconds(windowSeconds))
                    : new ExpiringEntries.Entry<>(entry.value() + 1, entry.endsAt())).orElseThrow());
    }

    @Override
    public Future<Void> clearFailures(String key) {
        return run(() -> failures.remove(key));
    }

    @Override
    public Future<Void> lock(String key, long untilEpochSecond, long seconds) {
        return run(() -> locks.put(key, untilEpochSecond, locks.endAfterSeconds(seconds)));
    }

    @Override
    public Future<Long> lockedUntil(String key) {
        return answer(() -> locks.get(key).orElse(null));
    }

    @Override
    public Future<Void> unlock(String key) {
        return run(() -> locks.remove(key));
    }
}
