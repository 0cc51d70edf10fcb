package edu.lanyard.core.oidc;

import io.vertx.core.Future;

/** Makes the OIDC id_token that goes with a response when {@code openid} was granted. */
@FunctionalInterface
public interface IdTokenMinter {
    Future<String> mint(IdTokenRequest request);

    /**
     * Signs other claims (a signed userinfo answer) with the key and issuer id_tokens use; {@code iss} and
     * {@code iat} are set here. Implementations that only mint id_tokens do not support it.
     *
     * @param alg the client's id_token algorithm, null for RS256
     */
    default String signClaims(com.nimbusds.jwt.JWTClaimsSet claims, String alg) {
        throw new UnsupportedOperationException("this minter signs only id_tokens");
    }
}
