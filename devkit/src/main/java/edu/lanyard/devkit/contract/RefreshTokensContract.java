package edu.lanyard.devkit.contract;

import edu.lanyard.core.store.RefreshTokens;
import edu.lanyard.core.token.RefreshTokenRecord;
import edu.lanyard.core.token.TokenHash;
import edu.lanyard.devkit.Await;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link RefreshTokens} promises, run against each implementation (in memory and on Hazelcast): the
 * rotation mark is set in one atomic step, so exactly one of any number of redemptions sees the token unrotated.
 */
public abstract class RefreshTokensContract {

    protected abstract RefreshTokens tokens();

    /** The same store as another node sees it; the same instance where there is only one node. */
    protected RefreshTokens tokensOnAnotherNode() {
        return tokens();
    }

    protected abstract Clock clock();

    private RefreshTokenRecord token() {
        long now = clock().instant().getEpochSecond();
        return new RefreshTokenRecord("grant-" + UUID.randomUUID(), "app", "sub-1", "tess", "openid profile",
                "authorization_code", "sid-1", now, now, now + 3600, false);
    }

    private long now() {
        return clock().instant().getEpochSecond();
    }

    /** The contract's tokens are the client {@code app}'s. */
    private Optional<RefreshTokenRecord> redeem(RefreshTokens store, String hash) {
        return Await.result(store.markRotated(hash, "app", now()));
    }

    private String saved(RefreshTokenRecord token) {
        String hash = TokenHash.of(UUID.randomUUID().toString());
        Await.result(tokens().save(hash, token));
        return hash;
    }

    @Test
    void aSavedTokenIsFoundOnEveryNode() {
        RefreshTokenRecord token = token();
        String hash = saved(token);
        assertEquals(Optional.of(token), Await.result(tokensOnAnotherNode().find(hash)));
        assertEquals(Optional.empty(), Await.result(tokens().find(TokenHash.of("never-issued"))));
    }

    @Test
    void markRotatedAnswersTheTokenAsItWasAndRetiresIt() {
        RefreshTokenRecord token = token();
        String hash = saved(token);
        assertEquals(Optional.of(token), redeem(tokens(), hash), "first redemption: unrotated");
        assertEquals(Optional.of(token.asRotated()), redeem(tokensOnAnotherNode(), hash),
                "a second redemption sees it rotated");
        assertEquals(Optional.of(token.asRotated()), Await.result(tokens().find(hash)),
                "a rotated token is kept, so that its reuse is recognised");
    }

    @Test
    void unmarkRotatedUndoesTheRotation() {
        RefreshTokenRecord token = token();
        String hash = saved(token);
        redeem(tokens(), hash);
        assertEquals(Optional.of(token.asRotated()), Await.result(tokens().unmarkRotated(hash)));
        assertEquals(Optional.of(token), Await.result(tokensOnAnotherNode().find(hash)));
        assertEquals(Optional.of(token), redeem(tokens(), hash), "redeemable again");
    }

    @Test
    void onlyItsOwnClientRedeemsAnUnexpiredToken() {
        RefreshTokenRecord token = new RefreshTokenRecord("grant-" + UUID.randomUUID(), "app", "sub-1", "tess",
                "openid", "authorization_code", "sid-1", now(), now(), now() + 3600, false, "{\"userinfo\":{}}");
        String hash = saved(token);
        assertEquals(Optional.of(token), Await.result(tokens().markRotated(hash, "another-app", now())));
        assertEquals(Optional.of(token), Await.result(tokens().markRotated(hash, "app", token.expiresAt())),
                "at its expiry it is no longer redeemable");
        assertEquals(Optional.of(token), Await.result(tokensOnAnotherNode().find(hash)), "neither changed it");
        assertEquals(Optional.of(token), redeem(tokens(), hash));
        assertEquals(Optional.of(token.asRotated()), Await.result(tokens().unmarkRotated(hash)),
                "the claims request survives the mark and its undoing");
        assertEquals(Optional.of(token), Await.result(tokens().find(hash)));
    }

    @Test
    void markingAnUnknownTokenChangesNothing() {
        String hash = TokenHash.of(UUID.randomUUID().toString());
        assertEquals(Optional.empty(), redeem(tokens(), hash));
        assertEquals(Optional.empty(), Await.result(tokens().unmarkRotated(hash)));
        assertEquals(Optional.empty(), Await.result(tokens().find(hash)), "no entry was created");
    }

    @Test
    void removeAnswersWhatItRemoved() {
        RefreshTokenRecord token = token();
        String hash = saved(token);
        assertEquals(Optional.of(token), Await.result(tokensOnAnotherNode().remove(hash)));
        assertTrue(Await.result(tokens().find(hash)).isEmpty());
        assertTrue(Await.result(tokens().remove(hash)).isEmpty());
    }

    @Test
    void ofManyConcurrentRotationsExactlyOneSeesTheTokenUnrotated() throws Exception {
        String hash = saved(token());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Optional<RefreshTokenRecord>>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                RefreshTokens node = i % 2 == 0 ? tokens() : tokensOnAnotherNode();
                attempts.add(pool.submit(() -> redeem(node, hash)));
            }
            int firsts = 0;
            for (Future<Optional<RefreshTokenRecord>> attempt : attempts) {
                firsts += attempt.get().orElseThrow().rotated() ? 0 : 1;
            }
            assertEquals(1, firsts);
            assertFalse(Await.result(tokens().find(hash)).isEmpty());
        } finally {
            pool.shutdownNow();
        }
    }
}
