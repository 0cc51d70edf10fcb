package edu.lanyard.core.event;

public record LoginFailed(EventMeta meta, String username, String clientId, String reason) implements LifecycleEvent {
    @Override
    public String key() {
        return username;
    }
}
