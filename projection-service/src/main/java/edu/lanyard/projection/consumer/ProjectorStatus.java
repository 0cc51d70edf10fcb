package edu.lanyard.projection.consumer;

import java.time.Instant;
import java.util.Map;

/**
 * A snapshot of the projector for health checks and the admin API.
 *
 * @param lag       per assigned partition: events in the topic not yet in Postgres
 * @param problem   why the state is not RUNNING, else null
 */
public record ProjectorStatus(ProjectorState state, String problem, Map<Integer, Long> lag,
                              Map<Integer, Long> storedOffsets, long eventsApplied, Instant lastBatchAt) {

    public boolean healthy() {
        return state == ProjectorState.RUNNING;
    }

    public long totalLag() {
        return lag.values().stream().mapToLong(Long::longValue).sum();
    }
}
