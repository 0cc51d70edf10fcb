package edu.lanyard.projection.replay;

import java.time.Duration;
import java.time.Instant;

/**
 * How far a replay is.
 *
 * @param state    {@code running}, {@code swapped} or {@code failed}
 * @param since    null for a replay from the beginning
 * @param fraction of the events to read that have been applied, 0 to 1
 */
public record ReplayProgress(String replayId, String state, Instant since, long events, double fraction,
                             Instant startedAt, Duration elapsed) {
}
