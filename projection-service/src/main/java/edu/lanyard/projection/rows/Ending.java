package edu.lanyard.projection.rows;

import java.time.Instant;

/**
 * When and why something was revoked or ended. The earliest ending wins; two at the same instant are ordered by
 * reason so that the winner never depends on the order they were applied in.
 */
public record Ending(Instant at, String reason) {

    static Ending earliest(Ending a, Ending b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        int byTime = a.at.compareTo(b.at);
        if (byTime != 0) {
            return byTime < 0 ? a : b;
        }
        return new Ending(a.at, Merge.least(a.reason, b.reason));
    }

    public static Instant at(Ending ending) {
        return ending == null ? null : ending.at;
    }

    public static String reason(Ending ending) {
        return ending == null ? null : ending.reason;
    }
}
