package edu.lanyard.common.token;

import edu.lanyard.common.domain.AccessTokenFormat;
import edu.lanyard.common.domain.Client;
import edu.lanyard.common.event.EventMeta;
import edu.lanyard.common.event.EventPublisher;
import edu.lanyard.common.event.TokensIssued;
import edu.lanyard.common.http.OAuthError;
import edu.lanyard.common.logging.LogRedactor;
import edu.lanyard.common.store.AccessTokens;
import edu.lanyard.common.store.RefreshTokens;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Mints tokens, stores their hashes in Hazelcast and logs the decision, all before the client is answered. The
 * Hazelcast writes and the Kafka publish run concurrently; if the event cannot be logged the writes are undone and
 * the request fails with temporarily_unavailable, so no token exists that the log lacks.
 */
public final class TokenIssuer {
    private static final Logger LOG = LoggerFactory.getLogger(TokenIssuer.class);

    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final EventPublisher events;
    private final JwtAccessTokenMinter jwtMinter;
    private final Clock clock;

    public TokenIssuer(AccessTokens accessTokens, RefreshTokens refreshTokens, EventPublisher events,
                       JwtAccessTokenMinter jwtMinter, Clock clock) {
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.events = events;
        this.jwtMinter = jwtMinter;
        this.clock = clock;
    }

    public static String newGrantId() {
        return RandomIds.uuid();
    }

    public Future<IssuedTokens> issue(IssueRequest request) {
        Client client = request.client();
        Instant decidedAt = clock.instant();
        long now = decidedAt.getEpochSecond();
        boolean jwt = client.accessTokenFormat() == AccessTokenFormat.JWT;
        AccessTokenRecord access = new AccessTokenRecord(request.grantId(), client.clientId(), request.subject(),
                request.username(), request.scope(), request.grantType(), request.sessionId(),
                jwt ? "jwt" : "opaque", now, now + client.accessTokenTtl());
        String accessToken = jwt
                ? jwtMinter.mint(client, access, RandomIds.uuid())
                : request.format().mint(TokenKind.ACCESS_TOKEN);
        String accessHash = TokenHash.of(accessToken);

        String refreshToken = null;
        String refreshHash = null;
        RefreshTokenRecord refresh = null;
        if (request.refreshToken()) {
            refreshToken = request.format().mint(TokenKind.REFRESH_TOKEN);
            refreshHash = TokenHash.of(refreshToken);
            long authTime = request.authTime() != null ? request.authTime() : now;
            refresh = new RefreshTokenRecord(request.grantId(), client.clientId(), request.subject(),
                    request.username(), request.refreshScope(), request.grantType(), request.sessionId(), authTime, now,
                    now + client.refreshTokenTtl(), false);
        }

        // The event's time is the tokens' issue time, so a projection can rebuild the records exactly.
        TokensIssued event = new TokensIssued(EventMeta.at(decidedAt, request.ip()), request.grantId(),
                client.clientId(), request.subject(), request.username(), request.grantType(), request.scope(), request.sessionId(),
                accessHash, access.expiresAt(), access.format(), refreshHash,
                refresh == null ? null : refresh.expiresAt(), request.rotatedFromHash(), request.codeHash(),
                request.authTime(), refresh == null ? null : refresh.scope());

        List<Future<?>> writes = new ArrayList<>(2);
        writes.add(accessTokens.save(accessHash, access));
        if (refresh != null) {
            writes.add(refreshTokens.save(refreshHash, refresh));
        }
        Future<Void> stored = Future.all(writes).mapEmpty();
        Future<Void> logged = events.publish(event);

        IssuedTokens issued = new IssuedTokens(accessToken, access, refreshToken, refresh);
        String finalRefreshHash = refreshHash;
        return Future.join(stored, logged).transform(done -> {
            if (done.succeeded()) {
                return Future.succeededFuture(issued);
            }
            undo(accessHash, finalRefreshHash);
            if (logged.failed()) {
                LOG.warn("event log unavailable, nothing issued: {}", LogRedactor.redact(logged.cause().getMessage()));
                return Future.failedFuture(OAuthError.temporarilyUnavailable(
                        "the token service cannot record the grant right now; try again shortly").toException());
            }
            LOG.error("token store write failed", LogRedactor.scrub(stored.cause()));
            return Future.failedFuture(OAuthError.temporarilyUnavailable(
                    "the token store is unavailable; try again shortly").toException());
        });
    }

    private void undo(String accessHash, String refreshHash) {
        accessTokens.remove(accessHash)
                .onFailure(e -> LOG.error("could not roll back access token {}", accessHash, LogRedactor.scrub(e)));
        if (refreshHash != null) {
            refreshTokens.remove(refreshHash)
                    .onFailure(e -> LOG.error("could not roll back refresh token {}", refreshHash,
                            LogRedactor.scrub(e)));
        }
    }
}
