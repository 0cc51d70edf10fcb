package edu.lanyard.core.oidc;

import edu.lanyard.core.domain.Client;

/**
 * What an id_token is about.
 *
 * @param sessionId   the public SSO session id ({@code sid}), or null outside a browser session
 * @param accessToken the access token issued alongside, for {@code at_hash}; null if none
 * @param code        the authorization code issued alongside in a front-channel response, for {@code c_hash}
 */
public record IdTokenRequest(Client client, String subject, String scope, String sessionId, long authTime,
                             String nonce, String accessToken, String code) {
}
