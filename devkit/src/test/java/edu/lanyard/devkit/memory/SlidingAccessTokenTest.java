package edu.lanyard.devkit.memory;

import edu.lanyard.core.token.AccessTokenRecord;
import edu.lanyard.core.token.ActiveToken;
import edu.lanyard.core.token.TokenHash;
import edu.lanyard.core.token.TokenValidator;
import edu.lanyard.devkit.Await;
import edu.lanyard.devkit.MutableClock;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CAS's sliding idle lifetime as the validator applies it: each use extends, up to the hard maximum. */
class SlidingAccessTokenTest {
    private static final long IDLE = 7200;
    private static final long MAX = 28_800;
    private final MutableClock clock = MutableClock.atFixedInstant();
    private final MemoryStores stores = MemoryStores.on(clock);
    private final TokenValidator validator = new TokenValidator(stores.accessTokens(), stores.refreshTokens(),
            stores.revocations(), clock);

    private String issue(long idleSeconds) {
        long now = clock.epochSecond();
        String token = "AT-1-" + idleSeconds + "-" + now;
        Await.result(stores.accessTokens().save(TokenHash.of(token), new AccessTokenRecord("grant-1", "cas-app",
                "sub-1", "zhangsan", null, "authorization_code", "sid-1", "opaque", now, now + MAX, null,
                idleSeconds, idleSeconds > 0 ? now + idleSeconds : 0)));
        return token;
    }

    private Optional<ActiveToken> use(String token) {
        return Await.result(validator.accessToken(token));
    }

    @Test
    void anUnusedTokenDiesAfterTheIdleWindow() {
        String token = issue(IDLE);
        long issued = clock.epochSecond();
        assertEquals(issued + IDLE, use(token).orElseThrow().expiresAt(), "exp is the idle deadline");
        clock.advanceSeconds(IDLE - 1);
        assertTrue(use(token).isPresent());
        clock.advanceSeconds(IDLE - 1);
        assertTrue(use(token).isPresent(), "the use one second before the deadline extended it");
        clock.advanceSeconds(IDLE);
        assertTrue(use(token).isEmpty(), "7200 s without a use");
    }

    @Test
    void usesExtendUpToTheHardMaximumOnly() {
        String token = issue(IDLE);
        long issued = clock.epochSecond();
        for (int i = 0; i < 6; i++) {
            clock.advanceSeconds(IDLE / 2);
            Optional<ActiveToken> active = use(token);
            assertTrue(active.isPresent(), "used every hour: alive at " + (clock.epochSecond() - issued));
            assertEquals(Math.min(issued + MAX, clock.epochSecond() + IDLE), active.get().expiresAt());
        }
        assertEquals(issued + MAX, Await.result(stores.accessTokens().find(TokenHash.of(token)))
                .orElseThrow().idleUntil(), "capped at the maximum");
        clock.advanceSeconds(MAX - 6 * IDLE / 2);
        assertTrue(use(token).isEmpty(), "dead at the maximum however busy");
    }

    @Test
    void aTokenWithoutTheSwitchLivesItsFullLifetimeAndIsNeverWritten() {
        String token = issue(0);
        long issued = clock.epochSecond();
        clock.advanceSeconds(MAX - 1);
        assertEquals(issued + MAX, use(token).orElseThrow().expiresAt());
        assertEquals(0, Await.result(stores.accessTokens().find(TokenHash.of(token))).orElseThrow().idleUntil());
        clock.advanceSeconds(1);
        assertTrue(use(token).isEmpty());
    }

    @Test
    void aRevokedFamilyIsNotExtended() {
        String token = issue(IDLE);
        long issued = clock.epochSecond();
        Await.result(stores.revocations().revoke("grant-1", "logout", MAX));
        clock.advanceSeconds(60);
        assertTrue(use(token).isEmpty());
        assertEquals(issued + IDLE, Await.result(stores.accessTokens().find(TokenHash.of(token))).orElseThrow()
                .idleUntil());
    }
}
