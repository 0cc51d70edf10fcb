package edu.lanyard.core.event;

/** One token revoked (RFC 7009), or an access/refresh token removed for another reason. */
public record TokenRevoked(EventMeta meta, String grantId, String clientId, String tokenHash, String tokenKind,
                           String reason) implements LifecycleEvent {
    @Override
    public String key() {
        return grantId != null ? grantId : tokenHash;
    }
}
