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
        long expiresAt) {

    public boolean expiredAt(long epochSecond) {
        return epochSecond >= expiresAt;
    }
}
