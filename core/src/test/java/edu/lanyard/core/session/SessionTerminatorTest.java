package edu.lanyard.core.session;

import edu.lanyard.core.config.LanyardConfig.Durability;
import edu.lanyard.core.event.EventPublisher;
import edu.lanyard.core.event.GrantRevoked;
import edu.lanyard.core.event.LifecycleEvent;
import edu.lanyard.core.event.SessionEnded;
import edu.lanyard.core.ledger.Ledger;
import edu.lanyard.core.metrics.SignInMeters;
import edu.lanyard.core.store.GrantRevocations;
import edu.lanyard.core.store.Sessions;
import edu.lanyard.core.token.TokenRevoker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ending a session is a security reaction: it takes effect with the log down, and says when its event is missing. */
class SessionTerminatorTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    private static final long KEEP = 3600;

    private final List<LifecycleEvent> published = new ArrayList<>();
    private boolean logDown;
    private final EventPublisher log = event -> {
        published.add(event);
        return logDown ? Future.failedFuture(new IllegalStateException("broker down")) : Future.succeededFuture();
    };
    private final InMemorySessions sessions = new InMemorySessions();
    private final Map<String, Long> revoked = new HashMap<>();
    private final GrantRevocations revocations = new GrantRevocations() {
        @Override
        public Future<Void> revoke(String grantId, String reason, long keepSeconds) {
            revoked.put(grantId, keepSeconds);
            return Future.succeededFuture();
        }

        @Override
        public Future<Boolean> isRevoked(String grantId) {
            return Future.succeededFuture(revoked.containsKey(grantId));
        }

        @Override
        public Future<Void> forget(String grantId) {
            revoked.remove(grantId);
            return Future.succeededFuture();
        }
    };
    private final Ledger ledger = new Ledger(Durability.KAFKA, log, CLOCK);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SessionTerminator terminator = new SessionTerminator(sessions,
            new TokenRevoker(null, null, revocations, ledger), ledger, KEEP, new SignInMeters(meters));

    @Test
    void logoutEndsTheSessionAndRevokesItsFamilies() {
        sessions.start("cookie-hash", "sid-1", "grant-a", "grant-b");

        assertTrue(terminator.end("cookie-hash", "logout", "192.0.2.1").succeeded());

        assertTrue(sessions.records.isEmpty());
        assertEquals(Map.of("grant-a", KEEP, "grant-b", KEEP), revoked);
        assertEquals(1, published.stream().filter(SessionEnded.class::isInstance).count());
        assertEquals(2, published.stream().filter(GrantRevoked.class::isInstance).count());
        assertEquals(1.0, meters.get("lanyard.sessions.ended").tag("reason", "logout").counter().count());
        assertTrue(terminator.end("cookie-hash", "logout", "192.0.2.1").succeeded());
        assertEquals(1.0, meters.get("lanyard.sessions.ended").tag("reason", "logout").counter().count(),
                "a session already gone is not ended again");
    }

    @Test
    void logoutWithTheLogDownStillEndsEverythingButFails() {
        sessions.start("cookie-hash", "sid-1", "grant-a");
        logDown = true;

        Future<Void> ended = terminator.end("cookie-hash", "logout", "192.0.2.1");

        assertTrue(ended.failed(), "the browser is told its logout was not recorded");
        assertTrue(sessions.records.isEmpty(), "the session is gone all the same");
        assertEquals(Set.of("grant-a"), revoked.keySet(), "and so are its families");
    }

    @Test
    void aSessionAlreadyGoneIsNotEndedTwice() {
        assertTrue(terminator.end("cookie-hash", "logout", "192.0.2.1").succeeded());
        assertTrue(published.isEmpty());
    }

    @Test
    void closeHandsBackTheFamiliesOfASessionTheClusterNoLongerHolds() {
        sessions.grants.put("sid-9", new LinkedHashSet<>(List.of("grant-x")));
        logDown = true;

        Future<SessionTerminator.Closed> closed = terminator.close("gone-hash", "alice", "sid-9", "admin", null);

        assertEquals(Set.of("grant-x"), closed.result().grantIds());
        assertFalse(closed.result().logged(), "the operator is told the end was not logged");
        assertTrue(revoked.isEmpty(), "the caller revokes the families itself");
        SessionEnded event = (SessionEnded) published.get(0);
        assertEquals("gone-hash", event.sessionHash());
        assertEquals(CLOCK.millis(), event.meta().at());
    }

    /** Sessions in a map; enough for the terminator, which only removes sessions and takes their families. */
    private static final class InMemorySessions implements Sessions {
        final Map<String, SessionRecord> records = new HashMap<>();
        final Map<String, Set<String>> grants = new HashMap<>();

        void start(String cookieHash, String sid, String... grantIds) {
            records.put(cookieHash, new SessionRecord(sid, "alice", "alice", 0, Long.MAX_VALUE));
            grants.put(sid, new LinkedHashSet<>(List.of(grantIds)));
        }

        @Override
        public Future<Void> save(String cookieHash, SessionRecord session, long idleSeconds) {
            records.put(cookieHash, session);
            return Future.succeededFuture();
        }

        @Override
        public Future<Optional<SessionRecord>> find(String cookieHash) {
            return Future.succeededFuture(Optional.ofNullable(records.get(cookieHash)));
        }

        @Override
        public Future<Void> touch(String cookieHash, SessionRecord session, long idleSeconds) {
            return save(cookieHash, session, idleSeconds);
        }

        @Override
        public Future<Optional<SessionRecord>> remove(String cookieHash) {
            return Future.succeededFuture(Optional.ofNullable(records.remove(cookieHash)));
        }

        @Override
        public Future<Void> addGrant(String sid, String grantId, long keepSeconds) {
            grants.computeIfAbsent(sid, s -> new LinkedHashSet<>()).add(grantId);
            return Future.succeededFuture();
        }

        @Override
        public Future<Set<String>> takeGrants(String sid) {
            Set<String> taken = grants.remove(sid);
            return Future.succeededFuture(taken == null ? Set.of() : taken);
        }
    }
}
