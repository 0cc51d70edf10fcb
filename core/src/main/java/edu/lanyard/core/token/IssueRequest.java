package edu.lanyard.core.token;

import edu.lanyard.core.domain.Client;

/**
 * What a grant decided to issue. The grant fills it; {@link TokenIssuer} mints, stores and logs it.
 *
 * @param grantId         the family id (new for a fresh grant, inherited on refresh)
 * @param subject         null for client_credentials
 * @param format          the token string shape the calling dialect uses
 * @param refreshToken    whether to mint a refresh token with the access token
 * @param rotatedFromHash the refresh token this response replaces, if any
 * @param codeHash        the authorization code this response redeems, if any
 * @param refreshScope    the scope of the refresh token to mint: the whole grant's scope, which a refresh that
 *                        narrows the access token's scope keeps (RFC 6749 §6)
 * @param claims          the OIDC Core §5.5 claims request the grant carries ({@code ClaimsRequest.toJson()}), or
 *                        null
 */
public record IssueRequest(
        Client client,
        String grantId,
        String grantType,
        String subject,
        String username,
        String scope,
        String sessionId,
        Long authTime,
        TokenFormat format,
        boolean refreshToken,
        String rotatedFromHash,
        String codeHash,
        String ip,
        String refreshScope,
        String claims) {

    /** A request without individually requested claims. */
    public IssueRequest(Client client, String grantId, String grantType, String subject, String username,
                        String scope, String sessionId, Long authTime, TokenFormat format, boolean refreshToken,
                        String rotatedFromHash, String codeHash, String ip, String refreshScope) {
        this(client, grantId, grantType, subject, username, scope, sessionId, authTime, format, refreshToken,
                rotatedFromHash, codeHash, ip, refreshScope, null);
    }

    /** A request whose refresh token, if any, has the same scope as its access token. */
    public IssueRequest(Client client, String grantId, String grantType, String subject, String username,
                        String scope, String sessionId, Long authTime, TokenFormat format, boolean refreshToken,
                        String rotatedFromHash, String codeHash, String ip) {
        this(client, grantId, grantType, subject, username, scope, sessionId, authTime, format, refreshToken,
                rotatedFromHash, codeHash, ip, scope, null);
    }

    /** The same request carrying a claims request. */
    public IssueRequest withClaims(String claimsRequest) {
        return new IssueRequest(client, grantId, grantType, subject, username, scope, sessionId, authTime, format,
                refreshToken, rotatedFromHash, codeHash, ip, refreshScope, claimsRequest);
    }
}
