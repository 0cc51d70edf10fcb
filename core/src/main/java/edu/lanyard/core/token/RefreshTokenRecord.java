package edu.lanyard.core.token;

/**
 * A refresh token, keyed by its hash. A rotated token is kept (with {@code rotated = true}) until it would have
 * expired so that presenting it again is recognised as reuse and revokes the family (RFC 9700 §4.14.2).
 *
 * @param authTime epoch seconds of the user's authentication, carried into refreshed id_tokens
 * @param claims   the OIDC Core §5.5 claims request as {@code ClaimsRequest.toJson()}, null when none was made
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
        boolean rotated,
        String claims) {

    /** A refresh token without individually requested claims. */
    public RefreshTokenRecord(String grantId, String clientId, String subject, String username, String scope,
                              String grantType, String sessionId, long authTime, long issuedAt, long expiresAt,
                              boolean rotated) {
        this(grantId, clientId, subject, username, scope, grantType, sessionId, authTime, issuedAt, expiresAt,
                rotated, null);
    }

    public RefreshTokenRecord asRotated() {
        return withRotated(true);
    }

    /** The same token with its rotation mark set or cleared; everything else, the claims request included, kept. */
    public RefreshTokenRecord withRotated(boolean mark) {
        return new RefreshTokenRecord(grantId, clientId, subject, username, scope, grantType, sessionId, authTime,
                issuedAt, expiresAt, mark, claims);
    }

    /** Whether a client may redeem a refresh token now, and if not, why. */
    public enum Redemption { REDEEMABLE, ANOTHER_CLIENTS, EXPIRED, ALREADY_ROTATED }

    /** Whether {@code clientId} may redeem this token at {@code epochSecond}: its own, unexpired and not rotated. */
    public Redemption redemptionBy(String clientId, long epochSecond) {
        if (!this.clientId.equals(clientId)) {
            return Redemption.ANOTHER_CLIENTS;
        }
        if (expiredAt(epochSecond)) {
            return Redemption.EXPIRED;
        }
        return rotated ? Redemption.ALREADY_ROTATED : Redemption.REDEEMABLE;
    }

    public boolean expiredAt(long epochSecond) {
        return epochSecond >= expiresAt;
    }
}
