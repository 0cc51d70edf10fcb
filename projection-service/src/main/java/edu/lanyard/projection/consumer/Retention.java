package edu.lanyard.projection.consumer;

import edu.lanyard.projection.db.AppendFrom;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Whole UTC days of audit log and counters to keep. Cut-offs fall on day boundaries, so that a live projection and a
 * replay made the same day agree on which lines exist.
 */
public record Retention(int auditDays, int statsDays) {

    public LocalDate firstAuditDay(Clock clock) {
        return today(clock).minusDays(Math.max(1, auditDays));
    }

    public LocalDate firstStatsDay(Clock clock) {
        return today(clock).minusDays(Math.max(1, statsDays));
    }

    public AppendFrom appendFrom(Clock clock) {
        return new AppendFrom(firstAuditDay(clock).atStartOfDay(ZoneOffset.UTC).toInstant(),
                firstStatsDay(clock).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
