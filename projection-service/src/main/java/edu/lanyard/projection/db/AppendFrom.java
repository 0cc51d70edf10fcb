package edu.lanyard.projection.db;

import java.time.Instant;

/**
 * The oldest audit line and counter minute a write may add: older ones are outside the retention, or a replay
 * carried them over from the live tables.
 */
public record AppendFrom(Instant audit, Instant stats) {

    public AppendFrom notBefore(Instant floor) {
        return new AppendFrom(audit.isBefore(floor) ? floor : audit, stats.isBefore(floor) ? floor : stats);
    }
}
