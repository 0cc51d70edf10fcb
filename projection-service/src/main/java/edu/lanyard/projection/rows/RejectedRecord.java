package edu.lanyard.projection.rows;

/** A record that is not a readable event, kept with its position so it is not lost silently. */
public record RejectedRecord(String topic, int partition, long offset, String payload, String error) {
}
