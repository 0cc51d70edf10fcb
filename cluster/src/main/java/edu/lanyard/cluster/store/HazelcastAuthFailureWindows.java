package edu.lanyard.cluster.store;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.map.IMap;
import edu.lanyard.core.store.AuthFailureWindows;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Fixed windows of failed client authentications per key, shared by every node so that guesses spread over the
 * nodes are counted together. A window starts at its first failure and is judged by the caller's clock; the
 * Hazelcast expiry only clears it out of memory afterwards.
 */
public final class HazelcastAuthFailureWindows implements AuthFailureWindows {
    static final String MAP = "lanyard.client-auth-failures";

    private final Vertx vertx;
    private final IMap<String, Window> windows;

    public HazelcastAuthFailureWindows(Vertx vertx, HazelcastInstance hazelcast) {
        this.vertx = vertx;
        this.windows = hazelcast.getMap(MAP);
    }


    /** Counts one failure at {@code now}, in one atomic step on the key's owner; answers the window after it. */
    @Override
    public Future<Window> countFailure(String key, long now, long windowSeconds) {
        return Async.onCaller(vertx, windows.submitToKey(key, new CountFailure(now, windowSeconds)));
    }

    /** The window of {@code key} if one is open at {@code now}. */
    @Override
    public Future<Optional<Window>> open(String key, long now) {
        return Async.onCaller(vertx, windows.getAsync(key))
                .map(window -> Optional.ofNullable(window).filter(w -> w.openAt(now)));
    }

    /** Runs on the partition owner, so concurrent failures on different nodes are all counted. */
    record CountFailure(long now, long windowSeconds) implements EntryProcessor<String, Window, Window> {
        @Override
        public Window process(Map.Entry<String, Window> entry) {
            ExtendedMapEntry<String, Window> counter = (ExtendedMapEntry<String, Window>) entry;
            Window current = counter.getValue();
            if (current == null || !current.openAt(now)) {
                Window fresh = new Window(now, now + windowSeconds, 1);
                // Kept a little past its end so a node whose clock lags still sees it.
                counter.setValue(fresh, windowSeconds + 5, TimeUnit.SECONDS);
                return fresh;
            }
            Window next = new Window(current.startedAt(), current.endsAt(), current.failures() + 1);
            counter.setValueWithoutChangingExpiryTime(next);
            return next;
        }
    }
}
