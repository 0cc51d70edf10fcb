package edu.lanyard.core.token;

/**
 * A successful token response before a dialect renders it.
 *
 * @param refreshToken the new refresh token, or the presented one echoed back when the client does not rotate
 * @param idToken      the OIDC id_token when {@code openid} was granted, else null
 * @param grantType    the grant that produced it
 */
public record TokenResponse(String accessToken, String refreshToken, String idToken, String scope, long expiresIn,
                            String grantType, String clientId) {
}
