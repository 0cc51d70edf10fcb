package edu.lanyard.core.event;

/**
 * An SSO session began after a successful login. The cookie is stored hashed like a token.
 *
 * @param sid the public session id (OIDC {@code sid}) that tokens issued in the session carry; added to v1 as an
 *            optional field, so events written before it have none
 */
public record SessionStarted(EventMeta meta, String sessionHash, String subject, String username, String clientId,
                             long authTime, long idleExpiresAt, long absoluteExpiresAt, String sid)
        implements LifecycleEvent {
    @Override
    public String key() {
        return sessionHash;
    }
}
