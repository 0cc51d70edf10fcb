package edu.lanyard.core.event;

public record SessionEnded(EventMeta meta, String sessionHash, String subject, String reason)
        implements LifecycleEvent {
    @Override
    public String key() {
        return sessionHash;
    }
}
