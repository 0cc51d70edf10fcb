package edu.lanyard.devkit.memory;

import edu.lanyard.core.store.AuthorizationCodes;
import edu.lanyard.core.store.AuthorizationCodes.Redemption;
import edu.lanyard.core.token.AuthorizationCodeRecord;
import edu.lanyard.devkit.Await;
import edu.lanyard.devkit.MutableClock;
import edu.lanyard.devkit.contract.AuthorizationCodesContract;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryAuthorizationCodesTest extends AuthorizationCodesContract {
    private final MutableClock clock = MutableClock.atFixedInstant();
    private final MemoryAuthorizationCodes codes = new MemoryAuthorizationCodes(clock);

    @Override
    protected AuthorizationCodes codes() {
        return codes;
    }

    @Override
    protected Clock clock() {
        return clock;
    }

    private AuthorizationCodeRecord expiringIn(long seconds) {
        long now = clock.epochSecond();
        return new AuthorizationCodeRecord("g", "owner", "sub", "tess", "openid", null, null, null, null, null, now,
                now, now + seconds);
    }

    @Test
    void aCodeLivesUntilTheClockPassesItsExpiry() {
        Await.result(codes.save("h", expiringIn(60)));
        clock.advanceSeconds(60);
        assertInstanceOf(Redemption.Taken.class, Await.result(codes.takeIssuedTo("h", "owner")),
                "still there at its expiry second: the grant, not the store, judges that second");
        Await.result(codes.save("h2", expiringIn(60)));
        clock.advanceSeconds(61);
        assertInstanceOf(Redemption.Absent.class, Await.result(codes.takeIssuedTo("h2", "owner")));
        assertEquals(0, codes.pending());
    }

    @Test
    void aCodeAlreadyExpiredWhenSavedStillLivesOneSecondAsOnHazelcast() {
        Await.result(codes.save("h", expiringIn(-5)));
        assertInstanceOf(Redemption.Taken.class, Await.result(codes.takeIssuedTo("h", "owner")));
    }

    @Test
    void theRedeemedMarkerIsForgottenAfterTenMinutes() {
        Await.result(codes.rememberRedeemed("h", expiringIn(60)));
        clock.advanceSeconds(MemoryAuthorizationCodes.REPLAY_MEMORY_SECONDS);
        assertTrue(Await.result(codes.redeemed("h")).isPresent());
        clock.advanceSeconds(1);
        assertTrue(Await.result(codes.redeemed("h")).isEmpty());
    }

    @Test
    void aStoreTakenDownFailsAsUnavailableAndChangesNothing() {
        Await.result(codes.save("h", expiringIn(60)));
        codes.goDown();
        assertInstanceOf(edu.lanyard.core.store.StoreUnavailableException.class,
                Await.failure(codes.takeIssuedTo("h", "owner")));
        codes.comeBack();
        assertInstanceOf(Redemption.Taken.class, Await.result(codes.takeIssuedTo("h", "owner")));
    }
}
