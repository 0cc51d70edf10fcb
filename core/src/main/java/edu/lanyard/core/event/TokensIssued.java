package edu.lanyard.core.event;

/**
 * A token response: one access token, maybe a refresh token. A refresh that rotates names the token it replaces;
 * a code exchange names the code it consumed.
 *
 * @param refreshTokenScope the refresh token's scope, which stays the grant's whole scope when a refresh narrowed
 *                          the access token's (RFC 6749 §6); null without a refresh token
 * @param claims            the OIDC Core §5.5 claims request the grant carries, as normalized JSON; null when none
 *                          (and in events from before the claims parameter)
 */
public record TokensIssued(
        EventMeta meta,
        String grantId,
        String clientId,
        String subject,
        String username,
        String grantType,
        String scope,
        String sessionId,
        String accessTokenHash,
        long accessTokenExpiresAt,
        String accessTokenFormat,
        String refreshTokenHash,
        Long refreshTokenExpiresAt,
        String rotatedFromHash,
        String codeHash,
        Long authTime,
        String refreshTokenScope,
        String claims) implements LifecycleEvent {

    /** A token response without individually requested claims. */
    public TokensIssued(EventMeta meta, String grantId, String clientId, String subject, String username,
                        String grantType, String scope, String sessionId, String accessTokenHash,
                        long accessTokenExpiresAt, String accessTokenFormat, String refreshTokenHash,
                        Long refreshTokenExpiresAt, String rotatedFromHash, String codeHash, Long authTime,
                        String refreshTokenScope) {
        this(meta, grantId, clientId, subject, username, grantType, scope, sessionId, accessTokenHash,
                accessTokenExpiresAt, accessTokenFormat, refreshTokenHash, refreshTokenExpiresAt, rotatedFromHash,
                codeHash, authTime, refreshTokenScope, null);
    }
    @Override
    public String key() {
        return grantId;
    }
}
