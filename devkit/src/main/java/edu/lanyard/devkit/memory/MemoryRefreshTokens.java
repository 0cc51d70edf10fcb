package edu.lanyard.devkit.memory;

import edu.lanyard.core.store.RefreshTokens;
import edu.lanyard.core.token.RefreshTokenRecord;
import io.vertx.core.Future;

import java.time.Clock;
import java.util.Optional;

/** Refresh tokens by hash, in memory, with the same atomic rotation mark as the Hazelcast store. */
public final class MemoryRefreshTokens extends MemoryStore implements RefreshTokens {
    private final ExpiringEntries<RefreshTokenRecord> tokens;

    public MemoryRefreshTokens(Clock clock) {
        this.tokens = new ExpiringEntries<>(clock);
    }

    @Override
    public Future<Void> save(String hash, RefreshTokenRecord token) {
        return run(() -> tokens.put(hash, token, tokens.endAtEpochSecond(token.expiresAt())));
    }

    @Override
    public Future<Optional<RefreshTokenRecord>> find(String hash) {
        return answer(() -> tokens.get(hash));
    }

    @Override
    public Future<Optional<RefreshTokenRecord>> markRotated(String hash) {
        return answer(() -> setRotated(hash, true));
    }

    @Override
    public Future<Optional<RefreshTokenRecord>> unmarkRotated(String hash) {
        return answer(() -> setRotated(hash, false));
    }

    @Override
    public Future<Optional<RefreshTokenRecord>> remove(String hash) {
        return answer(() -> tokens.remove(hash));
    }

    /** How many live tokens (rotated ones included) the store holds. */
    public int size() {
        return tokens.size();
    }

    /** As the entry processor: changes the mark in one step, keeps the expiry, answers the record as it was. */
    private Optional<RefreshTokenRecord> setRotated(String hash, boolean rotated) {
        return tokens.compute(hash, entry -> entry == null ? null
                : new ExpiringEntries.Entry<>(withRotated(entry.value(), rotated), entry.endsAt()))
                .map(ExpiringEntries.Entry::value);
    }

    private static RefreshTokenRecord withRotated(RefreshTokenRecord token, boolean rotated) {
        return new RefreshTokenRecord(token.grantId(), token.clientId(), token.subject(), token.username(),
                token.scope(), token.grantType(), token.sessionId(), token.authTime(), token.issuedAt(),
                token.expiresAt(), rotated);
    }
}
