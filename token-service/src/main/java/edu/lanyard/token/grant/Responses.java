package edu.lanyard.token.grant;

import edu.lanyard.core.domain.Client;
import edu.lanyard.core.oidc.IdTokenMinter;
import edu.lanyard.core.oidc.IdTokenRequest;
import edu.lanyard.core.token.IssuedTokens;
import edu.lanyard.core.token.Scopes;
import edu.lanyard.core.token.TokenResponse;
import io.vertx.core.Future;

import java.time.Clock;

/** Turns issued tokens into a response, adding an id_token when the grant includes {@code openid}. */
final class Responses {
    private Responses() {
    }

    static Future<TokenResponse> of(IssuedTokens tokens, String refreshTokenToReturn, IdTokenMinter idTokens,
                                    Client client, String nonce, long authTime, Clock clock) {
        long expiresIn = tokens.expiresIn();
        boolean oidc = tokens.access().subject() != null && Scopes.contains(tokens.access().scope(), "openid");
        Future<String> idToken = oidc
                ? idTokens.mint(new IdTokenRequest(client, tokens.access().subject(), tokens.access().scope(),
                tokens.access().sessionId(), authTime, nonce, tokens.accessToken(), null,
                tokens.access().claims()))
                : Future.succeededFuture();
        return idToken.map(jwt -> new TokenResponse(tokens.accessToken(), refreshTokenToReturn, jwt,
                tokens.access().scope(), expiresIn, tokens.access().grantType(), client.clientId()));
    }
}
