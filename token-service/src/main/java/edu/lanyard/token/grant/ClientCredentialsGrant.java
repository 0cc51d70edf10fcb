package edu.lanyard.token.grant;

import edu.lanyard.core.domain.GrantType;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.token.IssueRequest;
import edu.lanyard.core.token.Scopes;
import edu.lanyard.core.token.TokenIssuer;
import edu.lanyard.core.token.TokenResponse;
import io.vertx.core.Future;

import java.time.Clock;

/** RFC 6749 §4.4: a confidential client acting for itself. No refresh token (§4.4.3), no id_token (no user). */
public final class ClientCredentialsGrant implements Grant {
    private final TokenIssuer issuer;
    private final Clock clock;

    public ClientCredentialsGrant(TokenIssuer issuer, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
    }

    @Override
    public GrantType type() {
        return GrantType.CLIENT_CREDENTIALS;
    }

    @Override
    public Future<TokenResponse> handle(GrantContext request) {
        if (request.client().isPublic()) {
            return Future.failedFuture(OAuthError.unauthorizedClient(
                    "public clients cannot use client_credentials").toException());
        }
        String scope = Scopes.grant(request.params().firstOrNull("scope"), request.client().scopes());
        IssueRequest issue = new IssueRequest(request.client(), TokenIssuer.newGrantId(), type().wireName(), null,
                null, scope, null, null, request.format(), false, null, null, request.ip());
        return issuer.issue(issue).map(tokens -> new TokenResponse(tokens.accessToken(), null, null, scope,
                tokens.expiresIn(), type().wireName(),
                request.client().clientId()));
    }
}
