package edu.lanyard.token.grant;

import edu.lanyard.core.domain.GrantType;
import edu.lanyard.core.token.TokenResponse;
import io.vertx.core.Future;

/** One OAuth grant (RFC 6749 §4, §6): validates its parameters, decides, and issues through the TokenIssuer. */
public interface Grant {
    GrantType type();

    Future<TokenResponse> handle(GrantContext request);
}
