package edu.lanyard.projection.events;

/** A record on the topic that is not a Lanyard event; it is set aside, never retried. */
public final class UnreadableEventException extends RuntimeException {
    public UnreadableEventException(String message) {
        super(message);
    }
}
