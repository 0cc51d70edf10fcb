package edu.lanyard.devkit.memory;

import edu.lanyard.core.store.GrantRevocations;
import edu.lanyard.devkit.Await;
import edu.lanyard.devkit.MutableClock;
import edu.lanyard.devkit.contract.GrantRevocationsContract;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryGrantRevocationsTest extends GrantRevocationsContract {
    private final MutableClock clock = MutableClock.atFixedInstant();
    private final MemoryGrantRevocations revocations = new MemoryGrantRevocations(clock);

    @Override
    protected GrantRevocations revocations() {
        return revocations;
    }

    @Test
    void aRevocationIsKeptForTheSecondsItAskedFor() {
        Await.result(revocations.revoke("g", "logout", 30));
        clock.advanceSeconds(30);
        assertTrue(Await.result(revocations.isRevoked("g")));
        clock.advanceSeconds(1);
        assertFalse(Await.result(revocations.isRevoked("g")));
    }
}
