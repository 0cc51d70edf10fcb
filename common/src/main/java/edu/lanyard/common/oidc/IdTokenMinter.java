package edu.lanyard.common.oidc;

import edu.lanyard.common.domain.Client;
import edu.lanyard.common.token.IssuedTokens;
import io.vertx.core.Future;

/** Makes the OIDC id_token that goes with a token response when {@code openid} was granted. */
@FunctionalInterface
public interface IdTokenMinter {
    /**
     * @param tokens   the tokens it accompanies (for {@code at_hash}, subject, scope, session)
     * @param code     the authorization code it accompanies in a front-channel response (for {@code c_hash}), or null
     * @param nonce    the nonce of the authorization request, if any
     * @param authTime epoch seconds of the user's authentication
     */
    Future<String> mint(Client client, IssuedTokens tokens, String code, String nonce, long authTime);
}
