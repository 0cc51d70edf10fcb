package edu.lanyard.common.token;

import edu.lanyard.common.event.EventMeta;
import edu.lanyard.common.event.EventPublisher;
import edu.lanyard.common.event.GrantRevoked;
import edu.lanyard.common.event.TokenRevoked;
import edu.lanyard.common.logging.LogRedactor;
import edu.lanyard.common.store.AccessTokens;
import edu.lanyard.common.store.GrantRevocations;
import edu.lanyard.common.store.RefreshTokens;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Revokes single tokens (RFC 7009) and whole token families. A single revocation is logged first and applied after,
 * so a failed log changes nothing and the caller may retry. A family revocation is a security reaction (refresh
 * reuse, code replay, logout): it takes effect in Hazelcast even if the log is down, and the event follows.
 */
public final class TokenRevoker {
    private static final Logger LOG = LoggerFactory.getLogger(TokenRevoker.class);

    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final GrantRevocations revocations;
    private final EventPublisher events;

    public TokenRevoker(AccessTokens accessTokens, RefreshTokens refreshTokens, GrantRevocations revocations,
                        EventPublisher events) {
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.revocations = revocations;
        this.events = events;
    }

    /**
     * Revokes one token. Revoking a refresh token also revokes its family (RFC 7009 §2.1 allows it, and an app that
     * throws its refresh token away is done with the grant).
     */
    public Future<Void> revoke(ActiveToken token, String reason, String ip) {
        TokenRevoked event = new TokenRevoked(EventMeta.now(ip), token.grantId(), token.clientId(), token.hash(),
                token.kind().name(), reason);
        return events.publish(event).compose(logged -> switch (token.kind()) {
            case ACCESS_TOKEN -> accessTokens.remove(token.hash()).mapEmpty();
            case REFRESH_TOKEN -> refreshTokens.remove(token.hash())
                    .compose(removed -> revokeGrant(token.grantId(), token.clientId(), token.subject(), reason,
                            token.expiresAt() - token.issuedAt(), ip));
            case AUTHORIZATION_CODE -> Future.succeededFuture();
        });
    }

    /** Revokes every token of a family; {@code keepSeconds} must cover the longest-lived token in it. */
    public Future<Void> revokeGrant(String grantId, String clientId, String subject, String reason, long keepSeconds,
                                    String ip) {
        GrantRevoked event = new GrantRevoked(EventMeta.now(ip), grantId, clientId, subject, reason, keepSeconds);
        Future<Void> applied = revocations.revoke(grantId, reason, keepSeconds);
        events.publish(event).onFailure(e -> LOG.error("revocation of grant {} applied but not logged: {}", grantId,
                LogRedactor.redact(e.getMessage())));
        return applied;
    }
}
