package edu.lanyard.token.grant;

import edu.lanyard.core.domain.GrantType;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.oidc.IdTokenMinter;
import edu.lanyard.core.store.GrantRevocations;
import edu.lanyard.core.store.RefreshTokens;
import edu.lanyard.core.token.IssueRequest;
import edu.lanyard.core.token.RefreshTokenRecord;
import edu.lanyard.core.token.Scopes;
import edu.lanyard.core.token.TokenHash;
import edu.lanyard.core.token.TokenIssuer;
import edu.lanyard.core.token.TokenResponse;
import edu.lanyard.core.token.TokenRevoker;
import edu.lanyard.core.user.UserLookup;
import io.vertx.core.Future;

import java.time.Clock;

/**
 * RFC 6749 §6. For a rotating client the presented token is retired atomically and a new one issued in the same
 * family; presenting a retired token again is taken as theft and revokes the whole family (RFC 9700 §4.14.2).
 * A non-rotating client (docs/products.md decision 8) keeps presenting the same refresh token.
 */
public final class RefreshTokenGrant implements Grant {
    private final RefreshTokens refreshTokens;
    private final GrantRevocations revocations;
    private final TokenRevoker revoker;
    private final TokenIssuer issuer;
    private final IdTokenMinter idTokens;
    private final Clock clock;
    private final UserLookup users;

    public RefreshTokenGrant(RefreshTokens refreshTokens, GrantRevocations revocations, TokenRevoker revoker,
                             TokenIssuer issuer, IdTokenMinter idTokens, Clock clock) {
        this(refreshTokens, revocations, revoker, issuer, idTokens, clock, null);
    }

    /**
     * @param users checked for a disabled user on every refresh (cached lookups), so a family that disabling the user
     *              missed still cannot be refreshed; null skips the check
     */
    public RefreshTokenGrant(RefreshTokens refreshTokens, GrantRevocations revocations, TokenRevoker revoker,
                             TokenIssuer issuer, IdTokenMinter idTokens, Clock clock, UserLookup users) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.revocations = revocations;
        this.revoker = revoker;
        this.issuer = issuer;
        this.idTokens = idTokens;
        this.clock = clock;
    }

    @Override
    public GrantType type() {
        return GrantType.REFRESH_TOKEN;
    }

    @Override
    public Future<TokenResponse> handle(GrantContext request) {
        String presented = request.params().required("refresh_token");
        String hash = TokenHash.of(presented);
        return refreshTokens.find(hash)
                .compose(found -> found.map(token -> validate(request, token))
                        .orElseGet(() -> invalid("refresh token is invalid or expired")))
                .compose(token -> {
                    String scope = Scopes.narrow(request.params().firstOrNull("scope"), token.scope());
                    return request.client().rotateRefreshTokens()
                            ? rotate(request, presented, hash, scope)
                            : reuse(request, token, presented, scope);
                });
    }

    private Future<RefreshTokenRecord> validate(GrantContext request, RefreshTokenRecord token) {
        if (!token.clientId().equals(request.client().clientId())) {
            return invalid("refresh token was issued to another client");
        }
        if (token.expiredAt(clock.instant().getEpochSecond())) {
            return invalid("refresh token expired");
        }
        if (token.rotated()) {
            return reuseDetected(request, token);
        }
        return revocations.isRevoked(token.grantId())
                .compose(revoked -> revoked ? invalid("refresh token was revoked") : enabled(token));
    }

    /** A user the help desk disabled gets no new tokens, whichever families the revocations reached. */
    private Future<RefreshTokenRecord> enabled(RefreshTokenRecord token) {
        if (users == null || token.subject() == null) {
            return Future.succeededFuture(token);
        }
        return users.bySubject(token.subject()).compose(user -> user.isPresent() && user.get().disabled()
                ? invalid("the user's account is disabled") : Future.succeededFuture(token));
    }

    private Future<TokenResponse> rotate(GrantContext request, String presented, String hash, String scope) {
        return refreshTokens.markRotated(hash).compose(before -> {
            if (before.isEmpty()) {
                return invalid("refresh token is invalid or expired");
            }
            RefreshTokenRecord token = before.get();
            if (token.rotated()) {
                // Another request retired it between our read and our write: the same token was used twice.
                return reuseDetected(request, token);
            }
            return issuer.issue(next(request, token, scope, true, hash))
                    .recover(failure -> refreshTokens.unmarkRotated(hash).transform(undone ->
                            Future.failedFuture(failure)))
                    .compose(tokens -> Responses.of(tokens, tokens.refreshToken(), idTokens, request.client(),
                            null, token.authTime(), clock));
        });
    }

    private Future<TokenResponse> reuse(GrantContext request, RefreshTokenRecord token, String presented,
                                        String scope) {
        return issuer.issue(next(request, token, scope, false, null))
                .compose(tokens -> Responses.of(tokens, presented, idTokens, request.client(), null,
                        token.authTime(), clock));
    }

    private IssueRequest next(GrantContext request, RefreshTokenRecord token, String scope, boolean newRefresh,
                              String rotatedFrom) {
        return new IssueRequest(request.client(), token.grantId(), token.grantType(), token.subject(),
                token.username(), scope, token.sessionId(), token.authTime(), request.format(), newRefresh,
                rotatedFrom, null, request.ip(), token.scope()).withClaims(token.claims());
    }

    private <T> Future<T> reuseDetected(GrantContext request, RefreshTokenRecord token) {
        long keep = Math.max(token.expiresAt() - clock.instant().getEpochSecond(), request.client().accessTokenTtl());
        return revoker.revokeGrant(token.grantId(), token.clientId(), token.subject(), "refresh_token_reuse", keep,
                        request.ip())
                .transform(done -> invalid("refresh token was already used; the grant has been revoked"));
    }

    private static <T> Future<T> invalid(String description) {
        return Future.failedFuture(OAuthError.invalidGrant(description).toException());
    }
}
