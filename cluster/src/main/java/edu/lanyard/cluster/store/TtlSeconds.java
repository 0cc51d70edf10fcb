package edu.lanyard.cluster.store;

import java.time.Clock;

final class TtlSeconds {
    private TtlSeconds() {
    }

    /** Seconds from now until {@code expiresAt}, at least 1 so Hazelcast never reads 0 as "forever". */
    static long until(long expiresAt, Clock clock) {
        return Math.max(1, expiresAt - clock.instant().getEpochSecond());
    }
}
