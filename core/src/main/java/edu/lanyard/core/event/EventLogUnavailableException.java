package edu.lanyard.core.event;

/**
 * The event log did not take an event. A decision that must be logged before it is announced cannot be made now:
 * callers answer {@code temporarily_unavailable} (docs/durability.md, mode KAFKA).
 */
public final class EventLogUnavailableException extends RuntimeException {
    public EventLogUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
