package edu.lanyard.devkit.contract;

import edu.lanyard.core.session.SessionRecord;
import edu.lanyard.core.store.AuthFailureWindows;
import edu.lanyard.core.store.KeyValueMap;
import edu.lanyard.core.store.LoginAttempts;
import edu.lanyard.core.store.Sessions;
import edu.lanyard.core.store.SharedMaps;
import edu.lanyard.devkit.Await;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the flow-state stores promise (sessions, login attempts, client-auth windows, shared maps), run against each
 * implementation (in memory and on Hazelcast). Expiry is not part of it: Hazelcast expires by real time.
 */
public abstract class FlowStateContract {

    protected abstract Sessions sessions();

    protected abstract LoginAttempts loginAttempts();

    protected abstract AuthFailureWindows authFailures();

    protected abstract SharedMaps maps();

    protected abstract Clock clock();

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID();
    }

    @Test
    void aSessionIsFoundUntilRemoved() {
        long now = clock().instant().getEpochSecond();
        SessionRecord session = new SessionRecord(unique("sid-"), "sub-1", "tess", now, now + 3600);
        String cookie = unique("cookie-");
        Await.result(sessions().save(cookie, session, 600));
        assertEquals(Optional.of(session), Await.result(sessions().find(cookie)));
        Await.result(sessions().touch(cookie, session, 600));
        assertEquals(Optional.of(session), Await.result(sessions().remove(cookie)));
        assertEquals(Optional.empty(), Await.result(sessions().find(cookie)));
    }

    @Test
    void aSessionsGrantsAreCollectedAndTakenOnce() {
        String sid = unique("sid-");
        Await.result(sessions().addGrant(sid, "g1", 600));
        Await.result(sessions().addGrant(sid, "g2", 600));
        assertEquals(Set.of("g1", "g2"), Await.result(sessions().takeGrants(sid)));
        assertEquals(Set.of(), Await.result(sessions().takeGrants(sid)));
    }

    @Test
    void loginFailuresAreCountedClearedAndLocksLifted() {
        String key = unique("user:");
        assertEquals(1, Await.result(loginAttempts().countFailure(key, 600)));
        assertEquals(2, Await.result(loginAttempts().countFailure(key, 600)));
        Await.result(loginAttempts().clearFailures(key));
        assertEquals(1, Await.result(loginAttempts().countFailure(key, 600)));

        assertNull(Await.result(loginAttempts().lockedUntil(key)));
        Await.result(loginAttempts().lock(key, 1_900_000_000L, 600));
        assertEquals(1_900_000_000L, Await.result(loginAttempts().lockedUntil(key)));
        Await.result(loginAttempts().unlock(key));
        assertNull(Await.result(loginAttempts().lockedUntil(key)));
    }

    @Test
    void clientAuthFailuresCountInAWindowJudgedByTheCallersTime() {
        String key = unique("client:");
        long now = clock().instant().getEpochSecond();
        assertEquals(new AuthFailureWindows.Window(now, now + 60, 1),
                Await.result(authFailures().countFailure(key, now, 60)));
        assertEquals(new AuthFailureWindows.Window(now, now + 60, 2),
                Await.result(authFailures().countFailure(key, now + 30, 60)));
        assertEquals(2, Await.result(authFailures().open(key, now + 59)).orElseThrow().failures());
        assertTrue(Await.result(authFailures().open(key, now + 60)).isEmpty(), "closed at its end");
        assertEquals(new AuthFailureWindows.Window(now + 60, now + 120, 1),
                Await.result(authFailures().countFailure(key, now + 60, 60)), "a failure after it opens another");
    }

    @Test
    void sharedMapsHoldValuesAndTheFirstSettlerWins() {
        String name = unique("lanyard.test-");
        Await.result(maps().map(name).put("k", "v", 600));
        assertEquals(Optional.of("v"), Await.result(maps().map(name).get("k")), "one map per name");
        assertEquals(Optional.of("v"), Await.result(maps().map(name).remove("k")));
        assertEquals(Optional.empty(), Await.result(maps().map(name).get("k")));
        assertEquals("first", maps().settle(name, "s", "first"));
        assertEquals("first", maps().settle(name, "s", "second"));
    }

    @Test
    void membersAddedAtOnceAreAllKeptEachOnceInOrder() {
        KeyValueMap map = maps().map(unique("lanyard.test-"));
        List<Future<Void>> adds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            adds.add(map.addMember("sid", "app-" + i, 600));
        }
        adds.add(map.addMember("sid", "app-0", 600));
        Await.result(Future.all(adds));
        Set<String> members = KeyValueMap.members(Await.result(map.get("sid")).orElseThrow());
        assertEquals(20, members.size(), "every concurrent add counted once: " + members);
        Await.result(map.addMember("other", "x", 600));
        assertEquals(Optional.of("x"), Await.result(map.get("other")));
    }
}
