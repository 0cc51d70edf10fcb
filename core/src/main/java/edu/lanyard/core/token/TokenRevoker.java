package edu.lanyard.core.token;

import edu.lanyard.core.event.GrantRevoked;
import edu.lanyard.core.event.TokenRevoked;
import edu.lanyard.core.ledger.Ledger;
import edu.lanyard.core.store.AccessTokens;
import edu.lanyard.core.store.GrantRevocations;
import edu.lanyard.core.store.RefreshTokens;
import io.vertx.core.Future;

/**
 * Revokes single tokens (RFC 7009) and whole token families, through the {@link Ledger}: a single revocation is a
 * {@linkplain Ledger#revoke revocation} (logged first, applied after), a family revocation a
 * {@linkplain Ledger#react security reaction} (applied even if the log is down, the event follows). Every revocation
 * of a family (refresh reuse, code replay, logout, an operator) goes through {@link #revokeFamily}.
 */
public final class TokenRevoker {
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final GrantRevocations revocations;
    private final Ledger ledger;

    public TokenRevoker(AccessTokens accessTokens, RefreshTokens refreshTokens, GrantRevocations revocations,
                        Ledger ledger) {
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.revocations = revocations;
        this.ledger = ledger;
    }

    /**
     * Revokes one token. Revoking a refresh token also revokes its family (RFC 7009 §2.1 allows it, and an app that
     * throws its refresh token away is done with the grant).
     */
    public Future<Void> revoke(ActiveToken token, String reason, String ip) {
        return ledger.revoke(Ledger.by(ip, meta -> new TokenRevoked(meta, token.grantId(), token.clientId(),
                token.hash(), token.kind().name(), reason)), () -> switch (token.kind()) {
            case ACCESS_TOKEN -> accessTokens.remove(token.hash()).mapEmpty();
            case REFRESH_TOKEN -> refreshTokens.remove(token.hash())
                    .compose(removed -> revokeGrant(token.grantId(), token.clientId(), token.subject(), reason,
                            token.expiresAt() - token.issuedAt(), ip));
            case AUTHORIZATION_CODE -> Future.succeededFuture();
        });
    }

    /**
     * Revokes every token of a family, and answers once that took effect; its event follows without being waited
     * for. {@code keepSeconds} must cover the longest-lived token in it.
     */
    public Future<Void> revokeGrant(String grantId, String clientId, String subject, String reason, long keepSeconds,
                                    String ip) {
        return revokeFamily(grantId, clientId, subject, reason, keepSeconds, ip).applied();
    }

    /** As {@link #revokeGrant}, for a caller that reports whether the event reached the log. */
    public Ledger.Reaction revokeFamily(String grantId, String clientId, String subject, String reason,
                                        long keepSeconds, String ip) {
        return revokeFamily(grantId, clientId, subject, reason, keepSeconds, ip, null);
    }

    /** As {@link #revokeFamily}, by an operator whom the event names ({@code actor}). */
    public Ledger.Reaction revokeFamily(String grantId, String clientId, String subject, String reason,
                                        long keepSeconds, String ip, String actor) {
        return ledger.react(Ledger.by(ip, meta -> new GrantRevoked(meta, grantId, clientId, subject, reason,
                keepSeconds, actor)), () -> revocations.revoke(grantId, reason, keepSeconds));
    }
}
