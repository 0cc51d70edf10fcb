package edu.lanyard.core.event;

/**
 * A whole token family revoked: refresh-token reuse, a replayed authorization code, logout, or an operator.
 *
 * @param keepSeconds how long the revocation must be remembered (the longest lifetime in the family)
 */
public record GrantRevoked(EventMeta meta, String grantId, String clientId, String subject, String reason,
                           long keepSeconds) implements LifecycleEvent {
    @Override
    public String key() {
        return grantId;
    }
}
