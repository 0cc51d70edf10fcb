package edu.lanyard.core.oidc;

import io.vertx.core.Future;

/** Makes the OIDC id_token that goes with a response when {@code openid} was granted. */
@FunctionalInterface
public interface IdTokenMinter {
    Future<String> mint(IdTokenRequest request);
}
