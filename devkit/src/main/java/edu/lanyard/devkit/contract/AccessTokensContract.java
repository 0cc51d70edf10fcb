package edu.lanyard.devkit.contract;

import edu.lanyard.core.store.AccessTokens;
import edu.lanyard.core.token.AccessTokenRecord;
import edu.lanyard.core.token.TokenHash;
import edu.lanyard.devkit.Await;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What every {@link AccessTokens} promises, run against each implementation (in memory and on Hazelcast). */
public abstract class AccessTokensContract {

    protected abstract AccessTokens tokens();

    protected abstract Clock clock();

    @Test
    void aSavedTokenIsFoundUntilRemoved() {
        long now = clock().instant().getEpochSecond();
        AccessTokenRecord token = new AccessTokenRecord("grant-" + UUID.randomUUID(), "app", "sub-1", "tess",
                "openid", "password", null, "opaque", now, now + 300);
        String hash = TokenHash.of(UUID.randomUUID().toString());
        Await.result(tokens().save(hash, token));
        assertEquals(Optional.of(token), Await.result(tokens().find(hash)));
        assertEquals(Optional.of(token), Await.result(tokens().remove(hash)), "remove answers what it removed");
        assertEquals(Optional.empty(), Await.result(tokens().find(hash)));
        assertEquals(Optional.empty(), Await.result(tokens().remove(hash)));
    }

    /** CAS's sliding idle lifetime: the deadline only moves later, and the entry still dies at the hard maximum. */
    @Test
    void aSlidingTokensIdleDeadlineMovesLaterOnly() {
        long now = clock().instant().getEpochSecond();
        AccessTokenRecord token = new AccessTokenRecord("grant-" + UUID.randomUUID(), "app", "sub-1", "tess",
                "openid", "authorization_code", "sid-1", "opaque", now, now + 300, null, 60, now + 60);
        String hash = TokenHash.of(UUID.randomUUID().toString());
        Await.result(tokens().save(hash, token));
        Await.result(tokens().extendIdle(hash, now + 120));
        assertEquals(Optional.of(token.idleUntil(now + 120)), Await.result(tokens().find(hash)));
        Await.result(tokens().extendIdle(hash, now + 90));
        assertEquals(now + 120, Await.result(tokens().find(hash)).orElseThrow().idleUntil(), "never earlier");
    }

    /** A token removed (revoked) before a use lands is not written back by it. */
    @Test
    void extendingARemovedTokenLeavesItRemoved() {
        long now = clock().instant().getEpochSecond();
        AccessTokenRecord token = new AccessTokenRecord("grant-" + UUID.randomUUID(), "app", "sub-1", "tess",
                "openid", "authorization_code", "sid-1", "opaque", now, now + 300, null, 60, now + 60);
        String hash = TokenHash.of(UUID.randomUUID().toString());
        Await.result(tokens().save(hash, token));
        Await.result(tokens().remove(hash));
        Await.result(tokens().extendIdle(hash, now + 120));
        assertEquals(Optional.empty(), Await.result(tokens().find(hash)));
        Await.result(tokens().extendIdle(TokenHash.of("never-issued"), now + 120));
        assertEquals(Optional.empty(), Await.result(tokens().find(TokenHash.of("never-issued"))));
    }
}
