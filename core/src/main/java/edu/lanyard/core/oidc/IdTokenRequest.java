package edu.lanyard.core.oidc;

import edu.lanyard.core.domain.Client;

/**
 * What an id_token is about.
 *
 * @param sessionId   the public SSO session id ({@code sid}), or null outside a browser session
 * @param accessToken the access token issued alongside, for {@code at_hash}; null if none
 * @param code        the authorization code issued alongside in a front-channel response, for {@code c_hash}
 * @param claims      the {@code claims} request parameter (OIDC Core §5.5) as {@link ClaimsRequest#toJson()}; null
 *                    when none was sent
 */
public record IdTokenRequest(Client client, String subject, String scope, String sessionId, long authTime,
                             String nonce, String accessToken, String code, String claims) {

    /** An id_token without individually requested claims. */
    public IdTokenRequest(Client client, String subject, String scope, String sessionId, long authTime, String nonce,
                          String accessToken, String code) {
        this(client, subject, scope, sessionId, authTime, nonce, accessToken, code, null);
    }
}
