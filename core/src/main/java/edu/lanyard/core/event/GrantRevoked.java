package edu.lanyard.core.event;

/**
 * A whole token family revoked: refresh-token reuse, a replayed authorization code, logout, or an operator.
 *
 * @param keepSeconds how long the revocation must be remembered (the longest lifetime in the family)
 * @param actor       the operator who revoked it (console user or operator credential), null for every other reason;
 *                    an optional field added in version 1, absent from older events
 */
public record GrantRevoked(EventMeta meta, String grantId, String clientId, String subject, String reason,
                           long keepSeconds, String actor) implements LifecycleEvent {
    public GrantRevoked(EventMeta meta, String grantId, String clientId, String subject, String reason,
                        long keepSeconds) {
        this(meta, grantId, clientId, subject, reason, keepSeconds, null);
    }

    @Override
    public String key() {
        return grantId;
    }
}
