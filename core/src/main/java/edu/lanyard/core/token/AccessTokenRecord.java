package edu.lanyard.core.token;

/**
 * What the cluster knows about a live access token, keyed by its hash.
 *
 * @param grantId   the token family: every token issued from one code or one refresh chain shares it
 * @param subject   the user's subject, null for client_credentials
 * @param grantType the grant that produced it (Ketanyun introspection reports it)
 * @param sessionId the SSO session it came from, if any
 * @param issuedAt  epoch seconds
 * @param expiresAt epoch seconds
 * @param claims    the OIDC Core §5.5 claims request as {@code ClaimsRequest.toJson()}, null when none was made
 * @param idleSeconds a sliding idle lifetime (CAS's {@code timeToKillInSeconds}): each use moves {@code idleUntil}
 *                    to that many seconds ahead, never past {@code expiresAt}; 0 for a token that simply lives until
 *                    {@code expiresAt}
 * @param idleUntil   epoch seconds: the token dies unused at this time (only when {@code idleSeconds > 0})
 */
public record AccessTokenRecord(
        String grantId,
        String clientId,
        String subject,
        String username,
        String scope,
        String grantType,
        String sessionId,
        String format,
        long issuedAt,
        long expiresAt,
        String claims,
        long idleSeconds,
        long idleUntil) {

    /** A token living until {@code expiresAt} whether used or not. */
    public AccessTokenRecord(String grantId, String clientId, String subject, String username, String scope,
                             String grantType, String sessionId, String format, long issuedAt, long expiresAt,
                             String claims) {
        this(grantId, clientId, subject, username, scope, grantType, sessionId, format, issuedAt, expiresAt, claims,
                0, 0);
    }

    /** A token without individually requested claims. */
    public AccessTokenRecord(String grantId, String clientId, String subject, String username, String scope,
                             String grantType, String sessionId, String format, long issuedAt, long expiresAt) {
        this(grantId, clientId, subject, username, scope, grantType, sessionId, format, issuedAt, expiresAt, null);
    }

    public boolean expiredAt(long epochSecond) {
        return epochSecond >= expiresAt || (idleSeconds > 0 && epochSecond >= idleUntil);
    }

    /** Whether a use extends this token's life. */
    public boolean sliding() {
        return idleSeconds > 0;
    }

    /** When the token dies if it is not used again: the idle deadline for a sliding token, else {@code expiresAt}. */
    public long diesAt() {
        return sliding() ? Math.min(expiresAt, idleUntil) : expiresAt;
    }

    /** The idle deadline a use at {@code epochSecond} moves this sliding token to, capped by the hard maximum. */
    public long idleUntilAfterUseAt(long epochSecond) {
        return Math.min(expiresAt, epochSecond + idleSeconds);
    }

    /** The same token with a new idle deadline. */
    public AccessTokenRecord idleUntil(long deadline) {
        return new AccessTokenRecord(grantId, clientId, subject, username, scope, grantType, sessionId, format,
                issuedAt, expiresAt, claims, idleSeconds, deadline);
    }
}
