package edu.lanyard.cluster.event;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * A circuit breaker in front of the Kafka producer. While the broker is unreachable every send waits out the
 * delivery timeout before it fails, so each request of an outage would hang that long. After a failed publish the gate
 * refuses publishes for {@code pauseMillis}; then it lets exactly one through as a probe, and opens again for everyone
 * once a publish succeeds.
 */
final class PublishGate {
    private final long pauseNanos;
    private final LongSupplier nanoClock;
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile boolean failing;
    private volatile long refuseUntil;

    PublishGate(long pauseMillis, LongSupplier nanoClock) {
        this.pauseNanos = pauseMillis * 1_000_000L;
        this.nanoClock = nanoClock;
    }

    /** Whether the last publish succeeded: sends go straight through, and cannot block on missing metadata. */
    boolean healthy() {
        return !failing;
    }

    /** Whether a publish may go to the broker now. Every true must be followed by succeeded() or failed(). */
    boolean tryPass() {
        if (!failing) {
            return true;
        }
        if (nanoClock.getAsLong() - refuseUntil < 0) {
            return false;
        }
        return probing.compareAndSet(false, true);
    }

    void succeeded() {
        failing = false;
        probing.set(false);
    }

    void failed() {
        refuseUntil = nanoClock.getAsLong() + pauseNanos;
        failing = true;
        probing.set(false);
    }
}
