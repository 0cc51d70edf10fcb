package edu.lanyard.devkit.memory;

import edu.lanyard.core.store.GrantRevocations;
import io.vertx.core.Future;

import java.time.Clock;
import java.util.Optional;

/** Revoked token families in memory, each kept for the seconds its revocation asked for. */
public final class MemoryGrantRevocations extends MemoryStore implements GrantRevocations {
    private final ExpiringEntries<String> reasons;

    public MemoryGrantRevocations(Clock clock) {
        this.reasons = new ExpiringEntries<>(clock);
    }

    @Override
    public Future<Void> revoke(String grantId, String reason, long keepSeconds) {
        return run(() -> reasons.put(grantId, reason, reasons.endAfterSeconds(keepSeconds)));
    }

    @Override
    public Future<Boolean> isRevoked(String grantId) {
        if (grantId == null) {
            return Future.succeededFuture(false);
        }
        return answer(() -> reasons.get(grantId).isPresent());
    }

    @Override
    public Future<Void> forget(String grantId) {
        return run(() -> reasons.remove(grantId));
    }

    /** Why the family was revoked, if it is. */
    public Optional<String> reason(String grantId) {
        return reasons.get(grantId);
    }
}
