package edu.lanyard.core.ledger;

import edu.lanyard.core.config.LanyardConfig.Durability;
import edu.lanyard.core.error.OAuthException;
import edu.lanyard.core.event.CodeIssued;
import edu.lanyard.core.event.ConsentGranted;
import edu.lanyard.core.event.EventPublisher;
import edu.lanyard.core.event.GrantRevoked;
import edu.lanyard.core.event.LifecycleEvent;
import edu.lanyard.core.event.LoginFailed;
import edu.lanyard.core.event.TokenRevoked;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ordering rules of each kind of change, in each durability mode, against an in-memory log and store. Futures
 * are completed by hand, so "concurrently" and "after" are checked as what has been called when, not by timing.
 */
class LedgerTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30.123Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String IP = "192.0.2.7";

    /** The event log: takes, refuses, or holds every event until told. */
    static final class FakeLog implements EventPublisher {
        enum Mode { TAKE, REFUSE, HOLD }

        final List<LifecycleEvent> published = new ArrayList<>();
        final List<Promise<Void>> held = new ArrayList<>();
        Mode mode = Mode.TAKE;

        @Override
        public Future<Void> publish(LifecycleEvent event) {
            published.add(event);
            return switch (mode) {
                case TAKE -> Future.succeededFuture();
                case REFUSE -> Future.failedFuture(new IllegalStateException("broker down"));
                case HOLD -> {
                    Promise<Void> promise = Promise.promise();
                    held.add(promise);
                    yield promise.future();
                }
            };
        }
    }

    /** The hot state: a map whose writes complete at once, fail, or wait until told. */
    static final class FakeStore {
        final Map<String, String> entries = new HashMap<>();
        final List<Promise<Void>> heldWrites = new ArrayList<>();
        boolean failWrites;
        boolean holdWrites;

        Future<Void> put(String key, String value) {
            if (failWrites) {
                return Future.failedFuture(new IllegalStateException("member lost"));
            }
            entries.put(key, value);
            if (holdWrites) {
                Promise<Void> promise = Promise.promise();
                heldWrites.add(promise);
                return promise.future();
            }
            return Future.succeededFuture();
        }

        Future<Optional<String>> remove(String key) {
            return Future.succeededFuture(Optional.ofNullable(entries.remove(key)));
        }
    }

    private final FakeLog log = new FakeLog();
    private final FakeStore store = new FakeStore();

    private Ledger ledger(Durability mode) {
        return new Ledger(mode, log, CLOCK);
    }

    private static Ledger.Decision codeIssued(String hash) {
        return Ledger.by(IP, meta -> new CodeIssued(meta, "grant-1", "app", "alice", hash, "openid", 60, "sid-1"));
    }

    private static Ledger.Decision consent() {
        return Ledger.by(IP, meta -> new ConsentGranted(meta, "alice", "app", "openid"));
    }

    private static Ledger.Decision tokenRevoked() {
        return Ledger.by(IP, meta -> new TokenRevoked(meta, "grant-1", "app", "hash-1", "ACCESS_TOKEN",
                "client_revocation"));
    }

    private static Ledger.Decision grantRevoked() {
        return Ledger.by(IP, meta -> new GrantRevoked(meta, "grant-1", "app", "alice", "refresh_token_reuse", 600));
    }

    private Future<String> writeCode() {
        return store.put("code-hash", "code-record").map("the-code");
    }

    private Future<?> undoCode() {
        return store.remove("code-hash");
    }

    private static void assertTemporarilyUnavailable(Future<?> outcome, String description) {
        assertTrue(outcome.failed(), "the change must fail");
        OAuthException failure = assertInstanceOf(OAuthException.class, outcome.cause());
        assertEquals("temporarily_unavailable", failure.error().error());
        assertEquals(503, failure.error().status());
        assertEquals(description, failure.error().description());
    }

    @Nested
    class GrantInModeKafka {
        private final Ledger ledger = ledger(Durability.KAFKA);

        @Test
        void isAnsweredOnceStoredAndLogged() {
            Future<String> granted = ledger.grant(codeIssued("code-hash"), LedgerTest.this::writeCode,
                    LedgerTest.this::undoCode);

            assertEquals("the-code", granted.result());
            assertEquals("code-record", store.entries.get("code-hash"));
            assertEquals(1, log.published.size());
            CodeIssued event = assertInstanceOf(CodeIssued.class, log.published.get(0));
            assertEquals(NOW.toEpochMilli(), event.meta().at(), "stamped with the Ledger's clock");
            assertEquals(IP, event.meta().ip());
        }

        @Test
        void writesAndLogsConcurrentlyAndWaitsForBoth() {
            store.holdWrites = true;
            log.mode = FakeLog.Mode.HOLD;
            Future<String> granted = ledger.grant(codeIssued("code-hash"), LedgerTest.this::writeCode,
                    LedgerTest.this::undoCode);

            assertEquals(1, log.published.size(), "the event is sent while the write is still pending");
            assertEquals(1, store.heldWrites.size(), "the write is started while the event is still pending");
            store.heldWrites.get(0).complete();
            assertFalse(granted.isComplete(), "stored but not yet logged: no answer");
            log.held.get(0).complete();
            assertEquals("the-code", granted.result());
        }

        @Test
        void aRefusedEventUndoesTheWriteAndAsksTheClientToRetry() {
            log.mode = FakeLog.Mode.REFUSE;
            Future<String> granted = ledger.grant(codeIssued("code-hash"), LedgerTest.this::writeCode,
                    LedgerTest.this::undoCode);

            assertTemporarilyUnavailable(granted, "the sign-in could not be recorded; try again shortly");
            assertTrue(store.entries.isEmpty(), "nothing exists that the log lacks");
        }

        @Test
        void theUndoWaitsForTheWriteItUndoes() {
            store.holdWrites = true;
            log.mode = FakeLog.Mode.REFUSE;
            Future<String> granted = ledger.grant(codeIssued("code-hash"), LedgerTest.this::writeCode,
                    LedgerTest.this::undoCode);

            assertFalse(granted.isComplete());
            assertEquals("code-record", store.entries.get("code-hash"), "not undone while the write is in flight");
            store.heldWrites.get(0).complete();
            assertTemporarilyUnavailable(granted, "the sign-in could not be recorded; try again shortly");
            assertTrue(store.entries.isEmpty());
        }

        @Test
        void aFailedWriteIsUndoneAndReportedEvenWhenLogged() {
            store.failWrites = true;
            store.entries.put("code-hash", "left over by a partial write");
            Future<String> granted = ledger.grant(codeIssued("code-hash"), LedgerTest.this::writeCode,
                    LedgerTest.this::undoCode);

            assertTemporarilyUnavailable(granted, "the sign-in could not be recorded; try again shortly");
            assertTrue(store.entries.isEmpty());
        }

        @Test
        void otherGrantsAreWordedAsAnyChange() {
            log.mode = FakeLog.Mode.REFUSE;
            Future<Void> granted = ledger.grant(consent(), () -> store.put("alice|app", "openid"),
                    () -> store.remove("alice|app"));

            assertTemporarilyUnavailable(granted, "the change cannot be recorded right now; try again shortly");
            assertTrue(store.entries.isEmpty());
        }
    }

    @Nested
    class GrantInModeMemory {
        private final Ledger ledger = ledger(Durability.MEMORY);

        @Test
        void isAnsweredOnceStoredWithoutWaitingForTheLog() {
            log.mode = FakeLog.Mode.HOLD;
            Future<String> granted = ledger.grant(codeIssued("code-hash"), LedgerTest.this::writeCode,
                    LedgerTest.this::undoCode);

            assertEquals("the-code", granted.result());
            assertEquals(1, log.published.size(), "the event is handed to the background publisher");
        }

        @Test
        void aRefusedEventUndoesNothing() {
            log.mode = FakeLog.Mode.REFUSE;
            Future<String> granted = ledger.grant(codeIssued("code-hash"), LedgerTest.this::writeCode,
                    LedgerTest.this::undoCode);

            assertEquals("the-code", granted.result());
            assertEquals("code-record", store.entries.get("code-hash"));
        }

        @Test
        void aFailedWriteIsStillUndoneAndReported() {
            store.failWrites = true;
            store.entries.put("code-hash", "left over by a partial write");
            Future<String> granted = ledger.grant(codeIssued("code-hash"), LedgerTest.this::writeCode,
                    LedgerTest.this::undoCode);

            assertTemporarilyUnavailable(granted, "the sign-in could not be recorded; try again shortly");
            assertTrue(store.entries.isEmpty());
        }
    }

    @Nested
    class RevocationInModeKafka {
        private final Ledger ledger = ledger(Durability.KAFKA);

        @Test
        void isAppliedOnlyAfterTheLogHasIt() {
            store.entries.put("hash-1", "token");
            log.mode = FakeLog.Mode.HOLD;
            Future<Void> revoked = ledger.revoke(tokenRevoked(), () -> store.remove("hash-1").mapEmpty());

            assertEquals("token", store.entries.get("hash-1"), "not applied before the log took it");
            log.held.get(0).complete();
            assertTrue(revoked.succeeded());
            assertNull(store.entries.get("hash-1"));
            assertEquals(NOW.toEpochMilli(), log.published.get(0).meta().at());
        }

        @Test
        void aRefusedEventChangesNothing() {
            store.entries.put("hash-1", "token");
            log.mode = FakeLog.Mode.REFUSE;
            Future<Void> revoked = ledger.revoke(tokenRevoked(), () -> store.remove("hash-1").mapEmpty());

            assertTemporarilyUnavailable(revoked, "the change cannot be recorded right now; try again shortly");
            assertEquals("token", store.entries.get("hash-1"), "the caller may retry; nothing happened");
        }
    }

    @Nested
    class RevocationInModeMemory {
        private final Ledger ledger = ledger(Durability.MEMORY);

        @Test
        void isAppliedAtOnceWhateverTheLog() {
            store.entries.put("hash-1", "token");
            log.mode = FakeLog.Mode.REFUSE;
            Future<Void> revoked = ledger.revoke(tokenRevoked(), () -> store.remove("hash-1").mapEmpty());

            assertTrue(revoked.succeeded());
            assertNull(store.entries.get("hash-1"));
            assertEquals(1, log.published.size(), "handed to the background publisher first");
        }
    }

    @Nested
    class SecurityReaction {
        @ParameterizedTest
        @EnumSource(Durability.class)
        void isAppliedEvenWhenTheLogIsDownAndReportsTheMissingEvent(Durability mode) {
            log.mode = FakeLog.Mode.REFUSE;
            Ledger.Reaction reaction = ledger(mode).react(grantRevoked(), () -> store.put("grant-1", "revoked"));

            assertTrue(reaction.applied().succeeded());
            assertEquals("revoked", store.entries.get("grant-1"), "the reaction to theft is not held back");
            assertTrue(reaction.logged().failed());
            assertFalse(reaction.appliedThenLogged().result());
        }

        @ParameterizedTest
        @EnumSource(Durability.class)
        void isLoggedOnlyOnceApplied(Durability mode) {
            store.holdWrites = true;
            Ledger.Reaction reaction = ledger(mode).react(grantRevoked(), () -> store.put("grant-1", "revoked"));

            assertTrue(log.published.isEmpty(), "the event follows the change");
            assertFalse(reaction.applied().isComplete());
            store.heldWrites.get(0).complete();
            assertEquals(1, log.published.size());
            assertTrue(reaction.appliedThenLogged().result());
            assertEquals(NOW.toEpochMilli(), log.published.get(0).meta().at());
        }

        @ParameterizedTest
        @EnumSource(Durability.class)
        void aChangeThatFailedIsNotLogged(Durability mode) {
            store.failWrites = true;
            Ledger.Reaction reaction = ledger(mode).react(grantRevoked(), () -> store.put("grant-1", "revoked"));

            assertTrue(reaction.applied().failed());
            assertTrue(reaction.appliedThenLogged().failed(), "the caller learns the change failed");
            assertTrue(log.published.isEmpty(), "the log never claims a reaction that did not happen");
        }
    }

    @Nested
    class Note {
        @ParameterizedTest
        @EnumSource(Durability.class)
        void isPublishedWithoutWaitingAndItsFailureGoesNowhere(Durability mode) {
            log.mode = FakeLog.Mode.REFUSE;
            ledger(mode).note(Ledger.by(IP, meta -> new LoginFailed(meta, "alice", "app", "bad_credentials")));

            LoginFailed event = assertInstanceOf(LoginFailed.class, log.published.get(0));
            assertEquals(NOW.toEpochMilli(), event.meta().at());
        }
    }

    @Test
    void aDecisionWithItsOwnTimeIsStampedWithIt() {
        Instant issuedAt = NOW.minusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        ledger(Durability.KAFKA).grant(Ledger.at(issuedAt, IP, meta -> new ConsentGranted(meta, "alice", "app",
                "openid")), () -> store.put("alice|app", "openid"), () -> store.remove("alice|app"));

        assertEquals(issuedAt.toEpochMilli(), log.published.get(0).meta().at());
        assertEquals(NOW, ledger(Durability.KAFKA).now());
    }
}
