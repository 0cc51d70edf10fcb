package edu.lanyard.common.event;

/** An SSO session began after a successful login. The session id is stored hashed like a token. */
public record SessionStarted(EventMeta meta, String sessionHash, String subject, String username, String clientId,
                             long authTime, long idleExpiresAt, long absoluteExpiresAt) implements LifecycleEvent {
    @Override
    public String key() {
        return sessionHash;
    }
}
