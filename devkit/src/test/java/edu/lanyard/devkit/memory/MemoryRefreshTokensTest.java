package edu.lanyard.devkit.memory;

import edu.lanyard.core.store.RefreshTokens;
import edu.lanyard.core.token.RefreshTokenRecord;
import edu.lanyard.devkit.Await;
import edu.lanyard.devkit.MutableClock;
import edu.lanyard.devkit.contract.RefreshTokensContract;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryRefreshTokensTest extends RefreshTokensContract {
    private final MutableClock clock = MutableClock.atFixedInstant();
    private final MemoryRefreshTokens tokens = new MemoryRefreshTokens(clock);

    @Override
    protected RefreshTokens tokens() {
        return tokens;
    }

    @Override
    protected Clock clock() {
        return clock;
    }

    @Test
    void rotatingKeepsTheExpiryOfTheToken() {
        long now = clock.epochSecond();
        Await.result(tokens.save("h", new RefreshTokenRecord("g", "app", "sub", "tess", "openid", "password", null,
                now, now, now + 100, false)));
        clock.advanceSeconds(90);
        Await.result(tokens.markRotated("h", "app", clock.epochSecond()));
        clock.advanceSeconds(10);
        assertTrue(Await.result(tokens.find("h")).isPresent());
        clock.advanceSeconds(1);
        assertTrue(Await.result(tokens.find("h")).isEmpty(), "marking did not extend its life");
        assertTrue(Await.result(tokens.markRotated("h", "app", clock.epochSecond())).isEmpty());
    }
}
