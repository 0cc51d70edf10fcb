package edu.lanyard.devkit.memory;

import edu.lanyard.core.store.RefreshTokens;
import edu.lanyard.core.token.RefreshTokenRecord;
import io.vertx.core.Future;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Predicate;

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
    public Future<Optional<RefreshTokenRecord>> markRotated(String hash, String clientId, long now) {
        return answer(() -> setRotatedIf(hash, true, token -> token.redemptionBy(clientId, now) == RefreshTokenRecord.Redemption.REDEEMABLE));
    }

    @Override
    public Future<Optional<RefreshTokenRecord>> unmarkRotated(String hash) {
        return answer(() -> setRotatedIf(hash, false, RefreshTokenRecord::rotated));
    }

    @Override
    public Future<Optional<RefreshTokenRecord>> remove(String hash) {
        return answer(() -> tokens.remove(hash));
    }

    /** How many live tokens (rotated ones included) the store holds. */
    public int size() {
        return tokens.size();
    }

    /**
     * As the entry processors: sets the mark in one step where {@code when} holds, keeps the expiry, answers the
     * record as it was.
     */
    private Optional<RefreshTokenRecord> setRotatedIf(String hash, boolean mark, Predicate<RefreshTokenRecord> when) {
        return tokens.compute(hash, entry -> entry == null || !when.test(entry.value()) ? entry
                : new ExpiringEntries.Entry<>(entry.value().withRotated(mark), entry.endsAt()))
                .map(ExpiringEntries.Entry::value);
    }
}
