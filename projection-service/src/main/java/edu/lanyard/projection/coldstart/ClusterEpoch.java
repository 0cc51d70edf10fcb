package edu.lanyard.projection.coldstart;

import java.time.Instant;
import java.util.Map;

/**
 * When the current Hazelcast cluster formed, and how far the event topic reached at that moment. Everything issued
 * before the formation is known to the cluster only through the projections; everything after it was written to
 * the cluster directly.
 *
 * @param formedAtMillis epoch milliseconds
 * @param endOffsets     per partition, the offset the next event would get when the cluster formed
 */
public record ClusterEpoch(long formedAtMillis, Map<Integer, Long> endOffsets) {
    public Instant formedAt() {
        return Instant.ofEpochMilli(formedAtMillis);
    }
}
