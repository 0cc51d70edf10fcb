package edu.lanyard.core.token;

import edu.lanyard.core.domain.AccessTokenFormat;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.event.TokensIssued;
import edu.lanyard.core.ledger.Ledger;
import edu.lanyard.core.logging.LogRedactor;
import edu.lanyard.core.store.AccessTokens;
import edu.lanyard.core.store.RefreshTokens;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Mints tokens and records them as a grant in the {@link Ledger}: their hashes are stored and the decision logged
 * before the client is answered, and in mode KAFKA a failed log undoes the writes, so no token exists that the log
 * lacks.
 */
public final class TokenIssuer {
    private static final Logger LOG = LoggerFactory.getLogger(TokenIssuer.class);

    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final Ledger ledger;
    private final JwtAccessTokenMinter jwtMinter;

    private final IdleLifetimes idleLifetimes;

    public TokenIssuer(AccessTokens accessTokens, RefreshTokens refreshTokens, Ledger ledger,
                       JwtAccessTokenMinter jwtMinter) {
        this(accessTokens, refreshTokens, ledger, jwtMinter, IdleLifetimes.NONE);
    }

    /** @param idleLifetimes which clients' opaque access tokens slide (CAS's idle timeout), and by how much */
    public TokenIssuer(AccessTokens accessTokens, RefreshTokens refreshTokens, Ledger ledger,
                       JwtAccessTokenMinter jwtMinter, IdleLifetimes idleLifetimes) {
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.ledger = ledger;
        this.jwtMinter = jwtMinter;
        this.idleLifetimes = idleLifetimes;
    }

    public static String newGrantId() {
        return RandomIds.uuid();
    }

    public Future<IssuedTokens> issue(IssueRequest request) {
        Client client = request.client();
        Instant decidedAt = ledger.now();
        long now = decidedAt.getEpochSecond();
        boolean jwt = client.accessTokenFormat() == AccessTokenFormat.JWT;
        // A JWT is checked without the store by resource servers, so only an opaque token can slide.
        long idle = jwt ? 0 : Math.max(0, idleLifetimes.idleSeconds(client));
        long expiresAt = now + client.accessTokenTtl();
        AccessTokenRecord access = new AccessTokenRecord(request.grantId(), client.clientId(), request.subject(),
                request.username(), request.scope(), request.grantType(), request.sessionId(),
                jwt ? "jwt" : "opaque", now, expiresAt, request.claims(), idle,
                idle > 0 ? Math.min(expiresAt, now + idle) : 0);
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
                    now + client.refreshTokenTtl(), false, request.claims());
        }

        // The event's time is the tokens' issue time, so a projection can rebuild the records exactly.
        String finalRefreshHash = refreshHash;
        RefreshTokenRecord finalRefresh = refresh;
        Ledger.Decision decision = Ledger.at(decidedAt, request.ip(), meta -> new TokensIssued(meta,
                request.grantId(), client.clientId(), request.subject(), request.username(), request.grantType(),
                request.scope(), request.sessionId(), accessHash, access.expiresAt(), access.format(),
                finalRefreshHash, finalRefresh == null ? null : finalRefresh.expiresAt(), request.rotatedFromHash(),
                request.codeHash(), request.authTime(), finalRefresh == null ? null : finalRefresh.scope(),
                request.claims()));
        IssuedTokens issued = new IssuedTokens(accessToken, access, refreshToken, refresh);
        return ledger.grant(decision, () -> {
            List<Future<?>> writes = new ArrayList<>(2);
            writes.add(accessTokens.save(accessHash, access));
            if (finalRefresh != null) {
                writes.add(refreshTokens.save(finalRefreshHash, finalRefresh));
            }
            return Future.all(writes).map(issued);
        }, () -> undo(accessHash, finalRefreshHash));
    }

    private Future<?> undo(String accessHash, String refreshHash) {
        Future<?> access = accessTokens.remove(accessHash)
                .onFailure(e -> LOG.error("could not roll back access token {}", accessHash, LogRedactor.scrub(e)));
        if (refreshHash == null) {
            return access;
        }
        return Future.join(access, refreshTokens.remove(refreshHash)
                .onFailure(e -> LOG.error("could not roll back refresh token {}", refreshHash, LogRedactor.scrub(e))));
    }
}
