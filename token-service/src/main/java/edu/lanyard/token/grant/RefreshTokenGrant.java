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
import java.util.Optional;

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
        if (request.client().rotateRefreshTokens()) {
            return rotate(request, hash);
        }
        return refreshTokens.find(hash)
                .compose(found -> found.map(token -> validate(request, token))
                        .orElseGet(() -> invalid("refresh token is invalid or expired")))
                .compose(token -> reuse(request, token, presented, narrowed(request, token)));
    }

    private static String narrowed(GrantContext request, RefreshTokenRecord token) {
        return Scopes.narrow(request.params().firstOrNull("scope"), token.scope());
    }

    private Future<RefreshTokenRecord> validate(GrantContext request, RefreshTokenRecord token) {
        Optional<Future<RefreshTokenRecord>> refused = refusal(request, token, clock.instant().getEpochSecond());
        if (refused.isPresent()) {
            return refused.get();
        }
        return stillGranted(token);
    }

    /**
     * Why {@code token} cannot be redeemed by this request at {@code now}, if it cannot: another client's, expired,
     * or reused ({@link RefreshTokenRecord#redemptionBy}, the test the store's atomic redemption makes too).
     */
    private Optional<Future<RefreshTokenRecord>> refusal(GrantContext request, RefreshTokenRecord token, long now) {
        switch (token.redemptionBy(request.client().clientId(), now)) {
            case ANOTHER_CLIENTS:
                return Optional.of(invalid("refresh token was issued to another client"));
            case EXPIRED:
                return Optional.of(invalid("refresh token expired"));
            case ALREADY_ROTATED:
                return Optional.of(reuseDetected(request, token));
            default:
                return Optional.empty();
        }
    }

    /** Neither the family revoked nor the user disabled since the token was issued. */
    private Future<RefreshTokenRecord> stillGranted(RefreshTokenRecord token) {
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

    /**
     * Redeems and retires the token in one step on its owner, then checks the family and the user: one look-up
     * fewer than reading it first. A token the step did not retire (another client's, expired, already rotated) is
     * answered as before; one it retired but that is refused after all (its family revoked or its user disabled
     * since, a wider scope asked for) or whose new tokens could not be issued is put back as it was, so the refusal
     * changes nothing.
     */
    private Future<TokenResponse> rotate(GrantContext request, String hash) {
        long now = clock.instant().getEpochSecond();
        return refreshTokens.markRotated(hash, request.client().clientId(), now).compose(before -> {
            if (before.isEmpty()) {
                return invalid("refresh token is invalid or expired");
            }
            RefreshTokenRecord token = before.get();
            Optional<Future<RefreshTokenRecord>> refused = refusal(request, token, now);
            if (refused.isPresent()) {
                return refused.get().mapEmpty();
            }
            return stillGranted(token)
                    .map(granted -> narrowed(request, token))   // a wider scope is refused here, and undone below
                    .compose(scope -> issuer.issue(next(request, token, scope, true, hash)))
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
