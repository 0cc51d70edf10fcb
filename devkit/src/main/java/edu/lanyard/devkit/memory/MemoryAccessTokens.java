package edu.lanyard.devkit.memory;

import edu.lanyard.core.store.AccessTokens;
import edu.lanyard.core.token.AccessTokenRecord;
import io.vertx.core.Future;

import java.time.Clock;
import java.util.Optional;

/** Live access tokens by hash, in memory; an entry lives as long as its token. */
public final class MemoryAccessTokens extends MemoryStore implements AccessTokens {
    private final ExpiringEntries<AccessTokenRecord> tokens;

    public MemoryAccessTokens(Clock clock) {
        this.tokens = new ExpiringEntries<>(clock);
    }

    @Override
    public Future<Void> save(String hash, AccessTokenRecord token) {
        return run(() -> tokens.put(hash, token, tokens.endAtEpochSecond(token.expiresAt())));
    }

    @Override
    public Future<Optional<AccessTokenRecord>> find(String hash) {
        return answer(() -> tokens.get(hash));
    }

    @Override
    public Future<Void> extendIdle(String hash, long idleUntil) {
        return run(() -> tokens.compute(hash, entry -> entry == null || entry.value().idleUntil() >= idleUntil
                ? entry
                : new ExpiringEntries.Entry<>(entry.value().idleUntil(idleUntil), entry.endsAt())));
    }

    @Override
    public Future<Optional<AccessTokenRecord>> remove(String hash) {
        return answer(() -> tokens.remove(hash));
    }

    /** How many live tokens the store holds. */
    public int size() {
        return tokens.size();
    }
}
