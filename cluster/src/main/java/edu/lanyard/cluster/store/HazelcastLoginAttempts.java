package edu.lanyard.cluster.store;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.map.IMap;
import edu.lanyard.core.store.LoginAttempts;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Failed-login counters and lockouts, shared by every node so an attacker cannot spread guesses across them.
 * A counter's window starts at the first failure; a lock expires by itself.
 */
public final class HazelcastLoginAttempts implements LoginAttempts {
    private final Vertx vertx;
    private final IMap<String, Integer> failures;
    private final IMap<String, Long> locks;

    public HazelcastLoginAttempts(Vertx vertx, HazelcastInstance hazelcast) {
        this.vertx = vertx;
        this.failures = hazelcast.getMap("lanyard.login-failures");
        this.locks = hazelcast.getMap("lanyard.login-locks");
    }

    /** Counts one failure for {@code key}; answers the count within the window. */
    @Override
    public Future<Integer> countFailure(String key, long windowSeconds) {
        return Async.onCaller(vertx, failures.submitToKey(key, new Increment(windowSeconds)));
    }

    @Override
    public Future<Void> clearFailures(String key) {
        return Async.onCaller(vertx, failures.deleteAsync(key)).mapEmpty();
    }

    @Override
    public Future<Void> lock(String key, long untilEpochSecond, long seconds) {
        return Async.onCaller(vertx, locks.setAsync(key, untilEpochSecond, Math.max(1, seconds), TimeUnit.SECONDS));
    }

    /** The epoch second a lock on {@code key} ends, or null when it is not locked. */
    @Override
    public Future<Long> lockedUntil(String key) {
        return Async.onCaller(vertx, locks.getAsync(key));
    }

    @Override
    public Future<Void> unlock(String key) {
        return Async.onCaller(vertx, locks.deleteAsync(key)).mapEmpty();
    }

    record Increment(long windowSeconds) implements EntryProcessor<String, Integer, Integer> {
        @Override
        public Integer process(Map.Entry<String, Integer> entry) {
            ExtendedMapEntry<String, Integer> counter = (ExtendedMapEntry<String, Integer>) entry;
            Integer current = counter.getValue();
            if (current == null) {
                counter.setValue(1, windowSeconds, TimeUnit.SECONDS);
                return 1;
            }
            counter.setValueWithoutChangingExpiryTime(current + 1);
            return current + 1;
        }
    }
}
