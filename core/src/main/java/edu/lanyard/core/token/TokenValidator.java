package edu.lanyard.core.token;

import edu.lanyard.core.store.AccessTokens;
import edu.lanyard.core.store.GrantRevocations;
import edu.lanyard.core.store.RefreshTokens;
import io.vertx.core.Future;

import java.time.Clock;
import java.util.Optional;

/**
 * Answers whether a presented token string is active: known, unexpired, not rotated away, and its family not
 * revoked. Works for every token format, since stores are keyed by the hash of whatever string was issued.
 */
public final class TokenValidator {
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final GrantRevocations revocations;
    private final Clock clock;

    public TokenValidator(AccessTokens accessTokens, RefreshTokens refreshTokens, GrantRevocations revocations,
                          Clock clock) {
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.revocations = revocations;
        this.clock = clock;
    }

    public Future<Optional<ActiveToken>> accessToken(String token) {
        String hash = TokenHash.of(token);
        return accessTokens.find(hash).compose(found -> {
            long now = clock.instant().getEpochSecond();
            if (found.isEmpty() || found.get().expiredAt(now)) {
                return Future.succeededFuture(Optional.empty());
            }
            return unlessRevoked(ActiveToken.of(hash, found.get()));
        });
    }

    public Future<Optional<ActiveToken>> refreshToken(String token) {
        String hash = TokenHash.of(token);
        return refreshTokens.find(hash).compose(found -> {
            long now = clock.instant().getEpochSecond();
            if (found.isEmpty() || found.get().rotated() || found.get().expiredAt(now)) {
                return Future.succeededFuture(Optional.empty());
            }
            return unlessRevoked(ActiveToken.of(hash, found.get()));
        });
    }

    /**
     * What the cluster still remembers about a token, active or not (its family may have been revoked since): a
     * logout that names an already revoked token must still find the client it belonged to.
     */
    public Future<Optional<ActiveToken>> remembered(String token) {
        String hash = TokenHash.of(token);
        return accessTokens.find(hash).compose(access -> access.isPresent()
                ? Future.succeededFuture(access.map(t -> ActiveToken.of(hash, t)))
                : refreshTokens.find(hash).map(refresh -> refresh.map(t -> ActiveToken.of(hash, t))));
    }

    /** Tries the hinted kind first (RFC 7662 §2.1 / RFC 7009 §2.1), then the other. */
    public Future<Optional<ActiveToken>> anyToken(String token, TokenKind hint) {
        boolean refreshFirst = hint == TokenKind.REFRESH_TOKEN;
        Future<Optional<ActiveToken>> first = refreshFirst ? refreshToken(token) : accessToken(token);
        return first.compose(found -> found.isPresent()
                ? Future.succeededFuture(found)
                : refreshFirst ? accessToken(token) : refreshToken(token));
    }

    private Future<Optional<ActiveToken>> unlessRevoked(ActiveToken token) {
        return revocations.isRevoked(token.grantId())
                .map(revoked -> revoked ? Optional.<ActiveToken>empty() : Optional.of(token));
    }
}
