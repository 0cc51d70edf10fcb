package edu.lanyard.devkit.memory;

import edu.lanyard.core.session.SessionRecord;
import edu.lanyard.core.store.AuthFailureWindows;
import edu.lanyard.core.store.LoginAttempts;
import edu.lanyard.core.store.Sessions;
import edu.lanyard.core.store.SharedMaps;
import edu.lanyard.devkit.Await;
import edu.lanyard.devkit.MutableClock;
import edu.lanyard.devkit.contract.FlowStateContract;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The flow-state contract on the in-memory stores, and their expiry on a clock the test moves. */
class MemoryFlowStateTest extends FlowStateContract {
    private final MutableClock clock = MutableClock.atFixedInstant();
    private final MemoryStores stores = MemoryStores.on(clock);

    @Override
    protected Sessions sessions() {
        return stores.sessions();
    }

    @Override
    protected LoginAttempts loginAttempts() {
        return stores.loginAttempts();
    }

    @Override
    protected AuthFailureWindows authFailures() {
        return stores.authFailures();
    }

    @Override
    protected SharedMaps maps() {
        return stores.maps();
    }

    @Override
    protected Clock clock() {
        return clock;
    }

    @Test
    void aSessionEndsAtItsIdleTimeoutButNeverPastItsAbsoluteEnd() {
        MemorySessions sessions = new MemorySessions(clock);
        SessionRecord session = new SessionRecord("sid", "sub", "tess", clock.epochSecond(),
                clock.epochSecond() + 100);
        Await.result(sessions.save("c", session, 60));
        clock.advanceSeconds(50);
        Await.result(sessions.touch("c", session, 60));
        clock.advanceSeconds(50);
        assertEquals(Optional.of(session), Await.result(sessions.find("c")), "touched: the idle timeout restarted");
        clock.advanceSeconds(1);
        assertTrue(Await.result(sessions.find("c")).isEmpty(), "the absolute end caps the idle timeout");
    }

    @Test
    void aSessionsGrantsAreTakenOnce() {
        MemorySessions sessions = new MemorySessions(clock);
        Await.result(sessions.addGrant("sid", "g1", 60));
        Await.result(sessions.addGrant("sid", "g2", 60));
        assertEquals(Set.of("g1", "g2"), Await.result(sessions.takeGrants("sid")));
        assertEquals(Set.of(), Await.result(sessions.takeGrants("sid")));
    }

    @Test
    void loginFailuresCountInAWindowOpenedByTheFirstAndLocksExpire() {
        MemoryLoginAttempts attempts = new MemoryLoginAttempts(clock);
        assertEquals(1, Await.result(attempts.countFailure("user:tess", 60)));
        clock.advanceSeconds(59);
        assertEquals(2, Await.result(attempts.countFailure("user:tess", 60)), "later failures do not extend it");
        clock.advanceSeconds(2);
        assertEquals(1, Await.result(attempts.countFailure("user:tess", 60)));

        Await.result(attempts.lock("user:tess", clock.epochSecond() + 30, 30));
        assertEquals(clock.epochSecond() + 30, Await.result(attempts.lockedUntil("user:tess")));
        clock.advanceSeconds(31);
        assertNull(Await.result(attempts.lockedUntil("user:tess")));
    }

    @Test
    void clientAuthFailuresCountInFixedWindowsJudgedByTheCallersTime() {
        MemoryAuthFailureWindows windows = new MemoryAuthFailureWindows(clock);
        long now = clock.epochSecond();
        assertEquals(new AuthFailureWindows.Window(now, now + 60, 1), Await.result(windows.countFailure("k", now, 60)));
        assertEquals(2, Await.result(windows.countFailure("k", now + 59, 60)).failures());
        assertTrue(Await.result(windows.open("k", now + 60)).isEmpty(), "closed at its end");
        assertEquals(new AuthFailureWindows.Window(now + 60, now + 120, 1),
                Await.result(windows.countFailure("k", now + 60, 60)), "a failure after it opens a new one");
    }

    @Test
    void sharedMapsAreSharedByNameAndTheFirstSettlerWins() {
        MemorySharedMaps maps = new MemorySharedMaps(clock);
        Await.result(maps.map("m").put("k", "v", 10));
        assertEquals(Optional.of("v"), Await.result(maps.map("m").get("k")));
        clock.advanceSeconds(11);
        assertTrue(Await.result(maps.map("m").get("k")).isEmpty());
        assertEquals("first", maps.settle("s", "k", "first"));
        assertEquals("first", maps.settle("s", "k", "second"));
    }
}
