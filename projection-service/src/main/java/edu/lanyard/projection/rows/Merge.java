package edu.lanyard.projection.rows;

import java.time.Instant;

/**
 * The merge rules every projected row follows, here for folding a batch in memory and mirrored by the SQL upserts.
 * Each is commutative, associative and idempotent, so a row is the same whatever order or how often its events
 * were applied.
 */
final class Merge {
    private Merge() {
    }

    /** Facts fixed when a thing is created (its client, subject …): whichever side knows them. */
    static <T> T known(T a, T b) {
        return a != null ? a : b;
    }

    static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    /** Like SQL {@code least(a, b)}: nulls are ignored. */
    static String least(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) <= 0 ? a : b;
    }
}
