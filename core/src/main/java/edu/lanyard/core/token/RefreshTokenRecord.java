package edu.lanyard.core.token;

/**
 * A refresh token, keyed by its hash. A rotated token is kept (with {@code rotated = true}) until it would have
 * expired so that presenting it again is recognised as reuse and revokes the family (RFC 9700 §4.14.2).
 *
 * @param authTime epoch seconds of the user's authentication, carried into refreshed id_tokens
 */
public record RefreshTokenRecord(
        String grantId,
        String clientId,
        String subject,
        String username,
        String scope,
        String grantType,
        String sessionId,
        long authTime,
        long issuedAt,
        long expiresAt,
        boolean rotated) {

    public RefreshTokenRecord asRotated() {
        return new RefreshTokenRecord(grantId, clientId, subject, username, scope, grantType, sessionId, authTime,
                issuedAt, expiresAt, true);
    }

    public boolean expiredAt(long epochSecond) {
        return epochSecond >= expiresAt;
    }
}
