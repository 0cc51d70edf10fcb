package edu.lanyard.core.event;

/**
 * An SSO session ended.
 *
 * @param actor the operator who ended it, null unless an operator did; an optional field, absent from older events
 */
public record SessionEnded(EventMeta meta, String sessionHash, String subject, String reason, String actor)
        implements LifecycleEvent {
    public SessionEnded(EventMeta meta, String sessionHash, String subject, String reason) {
        this(meta, sessionHash, subject, reason, null);
    }

    @Override
    public String key() {
        return sessionHash;
    }
}
