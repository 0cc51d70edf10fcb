package edu.lanyard.devkit.contract;

import edu.lanyard.core.store.AuthorizationCodes;
import edu.lanyard.core.store.AuthorizationCodes.Redemption;
import edu.lanyard.core.token.AuthorizationCodeRecord;
import edu.lanyard.core.token.TokenHash;
import edu.lanyard.devkit.Await;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link AuthorizationCodes} promises, run against each implementation (in memory and on Hazelcast):
 * a code is taken once, and only by the client it was issued to.
 */
public abstract class AuthorizationCodesContract {

    /** The store under test. */
    protected abstract AuthorizationCodes codes();

    /** The same store as another node sees it; the same instance where there is only one node. */
    protected AuthorizationCodes codesOnAnotherNode() {
        return codes();
    }

    /** The clock the store expires entries by. */
    protected abstract Clock clock();

    private AuthorizationCodeRecord code(String clientId) {
        long now = clock().instant().getEpochSecond();
        return new AuthorizationCodeRecord("grant-" + UUID.randomUUID(), clientId, "sub-1", "tess", "openid",
                "http://127.0.0.1/cb", null, null, null, "sid-1", now, now, now + 60);
    }

    private String saved(AuthorizationCodeRecord code) {
        String hash = TokenHash.of(UUID.randomUUID().toString());
        Await.result(codes().save(hash, code));
        return hash;
    }

    @Test
    void theOwnerTakesTheCodeExactlyOnce() {
        AuthorizationCodeRecord code = code("owner");
        String hash = saved(code);
        assertEquals(new Redemption.Taken(code), Await.result(codesOnAnotherNode().takeIssuedTo(hash, "owner")));
        assertInstanceOf(Redemption.Absent.class, Await.result(codes().takeIssuedTo(hash, "owner")));
    }

    @Test
    void anotherClientNeitherGetsNorUsesUpTheCode() {
        AuthorizationCodeRecord code = code("owner");
        String hash = saved(code);
        assertInstanceOf(Redemption.HeldByAnotherClient.class,
                Await.result(codesOnAnotherNode().takeIssuedTo(hash, "intruder")));
        assertInstanceOf(Redemption.HeldByAnotherClient.class, Await.result(codes().takeIssuedTo(hash, "intruder")));
        assertEquals(new Redemption.Taken(code), Await.result(codes().takeIssuedTo(hash, "owner")),
                "the owner still redeems it");
        assertInstanceOf(Redemption.Absent.class, Await.result(codes().takeIssuedTo(hash, "intruder")),
                "once redeemed, the code is absent for everybody");
    }

    @Test
    void aCodeNeverIssuedIsAbsent() {
        assertInstanceOf(Redemption.Absent.class,
                Await.result(codes().takeIssuedTo(TokenHash.of(UUID.randomUUID().toString()), "owner")));
        assertTrue(Await.result(codes().take(TokenHash.of(UUID.randomUUID().toString()))).isEmpty());
    }

    @Test
    void aRestoredCodeIsRedeemableAgain() {
        AuthorizationCodeRecord code = code("owner");
        String hash = saved(code);
        assertEquals(new Redemption.Taken(code), Await.result(codes().takeIssuedTo(hash, "owner")));
        Await.result(codes().restore(hash, code));
        assertEquals(new Redemption.Taken(code), Await.result(codesOnAnotherNode().takeIssuedTo(hash, "owner")));
    }

    @Test
    void takeDiscardsTheCodeWhoeverItBelongsTo() {
        AuthorizationCodeRecord code = code("owner");
        String hash = saved(code);
        assertEquals(code, Await.result(codes().take(hash)).orElseThrow());
        assertTrue(Await.result(codes().take(hash)).isEmpty());
        assertInstanceOf(Redemption.Absent.class, Await.result(codes().takeIssuedTo(hash, "owner")));
    }

    @Test
    void theRedeemedMarkerNamesTheGrantAndTheOwner() {
        AuthorizationCodeRecord code = code("owner");
        String hash = TokenHash.of(UUID.randomUUID().toString());
        assertTrue(Await.result(codes().redeemed(hash)).isEmpty(), "nothing is remembered before redemption");
        Await.result(codes().rememberRedeemed(hash, code));
        assertEquals(new AuthorizationCodes.RedeemedCode(code.grantId(), "owner"),
                Await.result(codesOnAnotherNode().redeemed(hash)).orElseThrow());
    }

    @Test
    void ofManyConcurrentRedemptionsExactlyOneTakesTheCode() throws Exception {
        AuthorizationCodeRecord code = code("owner");
        String hash = saved(code);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Redemption>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                AuthorizationCodes node = i % 2 == 0 ? codes() : codesOnAnotherNode();
                attempts.add(pool.submit(() -> Await.result(node.takeIssuedTo(hash, "owner"))));
            }
            int taken = 0;
            for (Future<Redemption> attempt : attempts) {
                taken += attempt.get() instanceof Redemption.Taken ? 1 : 0;
            }
            assertEquals(1, taken);
        } finally {
            pool.shutdownNow();
        }
    }
}
