package edu.lanyard.common.event;

public record ConsentGranted(EventMeta meta, String subject, String clientId, String scope) implements LifecycleEvent {
    @Override
    public String key() {
        return subject + "/" + clientId;
    }
}
