package edu.lanyard.projection.db;

/**
 * The offsets in Postgres are not where this projector believed they were: another projector took the partition
 * over, or a replay swapped in new tables. Nothing was written; the projector must re-read its offsets.
 */
public final class StaleOffsetsException extends Exception {
    public StaleOffsetsException(String message) {
        super(message);
    }
}
