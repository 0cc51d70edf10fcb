package edu.lanyard.authorize;

import edu.lanyard.core.session.SessionRecord;
import edu.lanyard.core.token.TokenHash;
import edu.lanyard.devkit.Await;
import edu.lanyard.devkit.MutableClock;
import edu.lanyard.devkit.memory.MemorySessions;
import edu.lanyard.devkit.memory.MemoryUsers;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClusterSessionLookupTest {
    private final MutableClock clock = MutableClock.atFixedInstant();
    private final MemorySessions sessions = new MemorySessions(clock);
    private final MemoryUsers users = new MemoryUsers();
    private final ClusterSessionLookup lookup = new ClusterSessionLookup(sessions, clock, 1800, users);

    private void signedIn(String cookie, String username) {
        long now = clock.instant().getEpochSecond();
        users.add(username, "pass");
        Await.result(sessions.save(TokenHash.of(cookie), new SessionRecord("sid-" + username, "sub-" + username,
                username, now, now + 28_800), 1800));
    }

    @Test
    void aLiveSessionIsFound() {
        signedIn("cookie-ann", "ann");
        assertTrue(Await.result(lookup.live("cookie-ann")).isPresent());
    }

    @Test
    void theSessionOfADisabledUserIsNoSessionEvenBeforeItIsEnded() {
        signedIn("cookie-bob", "bob");
        users.disable("sub-bob");
        assertFalse(Await.result(lookup.live("cookie-bob")).isPresent(),
                "a disabled user gets no code or token from an SSO session that disabling has not reached yet");
    }
}
