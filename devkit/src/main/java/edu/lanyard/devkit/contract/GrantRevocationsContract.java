package edu.lanyard.devkit.contract;

import edu.lanyard.core.store.GrantRevocations;
import edu.lanyard.devkit.Await;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link GrantRevocations} promises, run against each implementation (in memory and on Hazelcast). */
public abstract class GrantRevocationsContract {

    protected abstract GrantRevocations revocations();

    @Test
    void aRevokedGrantStaysRevokedUntilForgotten() {
        String grant = "grant-" + UUID.randomUUID();
        assertFalse(Await.result(revocations().isRevoked(grant)));
        Await.result(revocations().revoke(grant, "logout", 300));
        assertTrue(Await.result(revocations().isRevoked(grant)));
        assertFalse(Await.result(revocations().isRevoked("grant-" + UUID.randomUUID())), "only that grant");
        Await.result(revocations().forget(grant));
        assertFalse(Await.result(revocations().isRevoked(grant)));
    }

    @Test
    void noGrantIsNeverRevoked() {
        assertFalse(Await.result(revocations().isRevoked(null)));
    }
}
