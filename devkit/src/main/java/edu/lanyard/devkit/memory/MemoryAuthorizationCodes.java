package edu.lanyard.devkit.memory;

import edu.lanyard.core.store.AuthorizationCodes;
import edu.lanyard.core.token.AuthorizationCodeRecord;
import io.vertx.core.Future;

import java.time.Clock;
import java.util.Optional;

/** Authorization codes in memory: taken atomically and only by their own client, remembered once redeemed. */
public final class MemoryAuthorizationCodes extends MemoryStore implements AuthorizationCodes {
    /** How long a redeemed code is remembered for replay detection, as in the Hazelcast store. */
    public static final long REPLAY_MEMORY_SECONDS = 600;

    private final ExpiringEntries<AuthorizationCodeRecord> codes;
    private final ExpiringEntries<RedeemedCode> redeemed;

    public MemoryAuthorizationCodes(Clock clock) {
        this.codes = new ExpiringEntries<>(clock);
        this.redeemed = new ExpiringEntries<>(clock);
    }

    @Override
    public Future<Void> save(String hash, AuthorizationCodeRecord code) {
        return run(() -> codes.put(hash, code, codes.endAtEpochSecond(code.expiresAt())));
    }

    @Override
    public Future<Optional<AuthorizationCodeRecord>> take(String hash) {
        return answer(() -> codes.remove(hash));
    }

    @Override
    public Future<Redemption> takeIssuedTo(String hash, String clientId) {
        return answer(() -> codes.compute(hash,
                        entry -> entry == null || entry.value().clientId().equals(clientId) ? null : entry)
                .map(ExpiringEntries.Entry::value)
                .<Redemption>map(code -> code.clientId().equals(clientId) ? new Redemption.Taken(code)
                        : new Redemption.HeldByAnotherClient())
                .orElseGet(Redemption.Absent::new));
    }

    @Override
    public Future<Void> restore(String hash, AuthorizationCodeRecord code) {
        return save(hash, code);
    }

    @Override
    public Future<Void> rememberRedeemed(String hash, AuthorizationCodeRecord code) {
        return run(() -> redeemed.put(hash, new RedeemedCode(code.grantId(), code.clientId()),
                redeemed.endAfterSeconds(REPLAY_MEMORY_SECONDS)));
    }

    @Override
    public Future<Optional<RedeemedCode>> redeemed(String hash) {
        return answer(() -> redeemed.get(hash));
    }

    /** How many codes are waiting to be redeemed. */
    public int pending() {
        return codes.size();
    }
}
