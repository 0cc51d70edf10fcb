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
            AccessTokenRecord record = found.get();
            if (!record.sliding()) {
                return unlessRevoked(ActiveToken.of(hash, record));
            }
            return unlessRevoked(ActiveToken.of(hash, record)).compose(active -> active.isEmpty()
                    ? Future.succeededFuture(active)
                    : used(hash, record, now));
        });
    }

    /**
     * A use of a sliding token (CAS's {@code timeToKillInSeconds}) moves its idle deadline, up to the hard maximum.
     * Written only when the deadline moves (at most once a second per token), and in the shared store so every node
     * sees it. Only a token found active is extended: a revoked one is never written back.
     */
    private Future<Optional<ActiveToken>> used(String hash, AccessTokenRecord token, long now) {
        long deadline = token.idleUntilAfterUseAt(now);
        AccessTokenRecord extended = token.idleUntil(deadline);
        Future<Void> written = deadline > token.idleUntil()
                ? accessTokens.extendIdle(hash, deadline)
                : Future.succeededFuture();
        return written.map(v -> Optional.of(ActiveToken.of(hash, extended)));
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
