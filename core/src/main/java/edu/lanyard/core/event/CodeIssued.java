package edu.lanyard.core.event;

/** @param claims the OIDC Core §5.5 claims request the code carries, as normalized JSON; null when none */
public record CodeIssued(EventMeta meta, String grantId, String clientId, String subject, String codeHash,
                         String scope, long expiresAt, String sessionId, String claims) implements LifecycleEvent {

    /** A code without individually requested claims. */
    public CodeIssued(EventMeta meta, String grantId, String clientId, String subject, String codeHash, String scope,
                      long expiresAt, String sessionId) {
        this(meta, grantId, clientId, subject, codeHash, scope, expiresAt, sessionId, null);
    }

    @Override
    public String key() {
        return grantId;
    }
}
