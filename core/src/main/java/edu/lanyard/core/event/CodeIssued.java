package edu.lanyard.core.event;

public record CodeIssued(EventMeta meta, String grantId, String clientId, String subject, String codeHash,
                         String scope, long expiresAt, String sessionId) implements LifecycleEvent {
    @Override
    public String key() {
        return grantId;
    }
}
