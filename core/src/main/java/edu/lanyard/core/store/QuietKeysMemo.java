package edu.lanyard.core.store;

import io.vertx.core.Future;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Failure windows with a node-local memory of the keys that have none. Every client-authenticated request asks the
 * throttle about its client_id and its address, and almost always the answer is "no failures": asking the cluster
 * each time cost two Hazelcast operations and a round of thread hand-offs on the hottest paths (token,
 * introspection, revocation). A key found without a window is therefore answered from this node's memory for the
 * rest of that second.
 *
 * <p>What that gives away is bounded and small: a failure counted on <i>this</i> node forgets the key at once, so
 * only failures counted on <i>other</i> nodes reach this one up to a second late, and only for a key this node saw
 * quiet in that second. The throttle's counting is unchanged: every failure still goes to the cluster.
 */
public final class QuietKeysMemo implements AuthFailureWindows {
    /** Far above the distinct client_ids and addresses one node sees in a second; past it the memory starts over. */
    static final int MAX_KEYS = 100_000;
    private static final Future<Optional<Window>> NONE = Future.succeededFuture(Optional.empty());

    private final AuthFailureWindows cluster;
    /** key → the second (epoch) in which it was found without a window */
    private final Map<String, Long> quietIn = new ConcurrentHashMap<>();
    /** Bumped by every failure counted here: a lookup that raced one must not remember its older answer. */
    private final AtomicLong failuresCounted = new AtomicLong();

    public QuietKeysMemo(AuthFailureWindows cluster) {
        this.cluster = cluster;
    }

    @Override
    public Future<Window> countFailure(String key, long now, long windowSeconds) {
        failuresCounted.incrementAndGet();
        quietIn.remove(key);
        return cluster.countFailure(key, now, windowSeconds);
    }

    @Override
    public Future<Optional<Window>> open(String key, long now) {
        Long quiet = quietIn.get(key);
        if (quiet != null && quiet == now) {
            return NONE;
        }
        long countedBefore = failuresCounted.get();
        return cluster.open(key, now).onSuccess(window -> {
            if (window.isEmpty() && failuresCounted.get() == countedBefore) {
                if (quietIn.size() >= MAX_KEYS) {
                    quietIn.clear();
                }
                quietIn.put(key, now);
            }
        });
    }
}
