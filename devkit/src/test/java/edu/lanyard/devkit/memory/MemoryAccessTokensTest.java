package edu.lanyard.devkit.memory;

import edu.lanyard.core.store.AccessTokens;
import edu.lanyard.core.token.AccessTokenRecord;
import edu.lanyard.devkit.Await;
import edu.lanyard.devkit.MutableClock;
import edu.lanyard.devkit.contract.AccessTokensContract;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryAccessTokensTest extends AccessTokensContract {
    private final MutableClock clock = MutableClock.atFixedInstant();
    private final MemoryAccessTokens tokens = new MemoryAccessTokens(clock);

    @Override
    protected AccessTokens tokens() {
        return tokens;
    }

    @Override
    protected Clock clock() {
        return clock;
    }

    @Test
    void aTokenIsGoneOnceTheClockPassesItsExpiry() {
        long now = clock.epochSecond();
        Await.result(tokens.save("h", new AccessTokenRecord("g", "app", null, null, "read", "client_credentials",
                null, "opaque", now, now + 300)));
        clock.advanceSeconds(300);
        assertEquals(1, tokens.size());
        clock.advanceSeconds(1);
        assertTrue(Await.result(tokens.find("h")).isEmpty());
    }
}
