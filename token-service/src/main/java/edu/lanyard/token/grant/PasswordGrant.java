package edu.lanyard.token.grant;

import edu.lanyard.core.domain.GrantType;
import edu.lanyard.core.domain.User;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.metrics.SignInMeters;
import edu.lanyard.core.oidc.IdTokenMinter;
import edu.lanyard.core.token.IssueRequest;
import edu.lanyard.core.token.Scopes;
import edu.lanyard.core.token.TokenIssuer;
import edu.lanyard.core.token.TokenResponse;
import edu.lanyard.core.user.SignIn;
import edu.lanyard.core.user.SignInOutcome;
import io.vertx.core.Future;

import java.time.Clock;

/** RFC 6749 §4.3: the resource owner's username and password, verified off the event loop. */
public final class PasswordGrant implements Grant {
    private final SignIn signIn;
    private final TokenIssuer issuer;
    private final IdTokenMinter idTokens;
    private final Clock clock;

    public PasswordGrant(SignIn signIn, TokenIssuer issuer, IdTokenMinter idTokens, Clock clock) {
        this.signIn = signIn;
        this.issuer = issuer;
        this.idTokens = idTokens;
        this.clock = clock;
    }

    @Override
    public GrantType type() {
        return GrantType.PASSWORD;
    }

    @Override
    public Future<TokenResponse> handle(GrantContext request) {
        String username = request.params().required("username");
        String password = request.params().required("password");
        String scope = Scopes.grant(request.params().firstOrNull("scope"), request.client().scopes());
        // Every refusal (wrong password, locked, disabled, expired) is invalid_grant, RFC 6749 §5.2.
        return signIn.attempt(SignInMeters.Via.PASSWORD_GRANT, username, password, request.ip(),
                        request.client().clientId())
                .compose(outcome -> outcome instanceof SignInOutcome.SignedIn signedIn
                        ? issue(request, signedIn.user(), scope)
                        : Future.failedFuture(OAuthError.invalidGrant(outcome.description()).toException()));
    }

    private Future<TokenResponse> issue(GrantContext request, User user, String scope) {
        long now = clock.instant().getEpochSecond();
        boolean refresh = request.client().allows(GrantType.REFRESH_TOKEN);
        IssueRequest issue = new IssueRequest(request.client(), TokenIssuer.newGrantId(), type().wireName(),
                user.subject(), user.username(), scope, null, now, request.format(), refresh, null, null,
                request.ip());
        return issuer.issue(issue).compose(tokens -> Responses.of(tokens, tokens.refreshToken(), idTokens,
                request.client(), null, now, clock));
    }
}
