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

    public RefreshTokenGrant(RefreshTokens refreshTokens, GrantRevocations revocations, TokenRevoker revoker,
                             TokenIssuer issuer, IdTokenMinter idTokens, Clock clock) {
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
                .compose(revoked -> revoked ? invalid("refresh token was revoked") : Future.succeededFuture(token));
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
                rotatedFrom, null, request.ip(), token.scope());
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
