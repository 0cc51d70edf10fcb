package edu.lanyard.core.token;

/**
 * A pending authorization code, keyed by its hash; single use.
 *
 * @param codeChallenge       PKCE challenge, null when the request had none
 * @param codeChallengeMethod {@code S256} or {@code plain}
 * @param redirectUri         the redirect_uri of the authorization request, or null when it was omitted
 * @param authTime            epoch seconds of the user's authentication
 * @param claims              the OIDC Core §5.5 claims request as {@code ClaimsRequest.toJson()}, null when none was made
 */
public record AuthorizationCodeRecord(
        String grantId,
        String clientId,
        String subject,
        String username,
        String scope,
        String redirectUri,
        String codeChallenge,
        String codeChallengeMethod,
        String nonce,
        String sessionId,
        long authTime,
        long issuedAt,
        long expiresAt,
        String claims) {

    /** A code without individually requested claims. */
    public AuthorizationCodeRecord(String grantId, String clientId, String subject, String username, String scope,
                                   String redirectUri, String codeChallenge, String codeChallengeMethod,
                                   String nonce, String sessionId, long authTime, long issuedAt, long expiresAt) {
        this(grantId, clientId, subject, username, scope, redirectUri, codeChallenge, codeChallengeMethod, nonce,
                sessionId, authTime, issuedAt, expiresAt, null);
    }
}
