package edu.lanyard.core.ledger;

import edu.lanyard.core.config.LanyardConfig.Durability;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.event.CodeIssued;
import edu.lanyard.core.event.EventMeta;
import edu.lanyard.core.event.EventPublisher;
import edu.lanyard.core.event.LifecycleEvent;
import edu.lanyard.core.event.TokensIssued;
import edu.lanyard.core.logging.LogRedactor;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one place that decides, for every state change, the order of the change in the hot state (Hazelcast) and its
 * event in the log (Kafka), in each durability mode. Every event Lanyard writes goes through here, stamped with this
 * Ledger's clock; nothing else calls {@link EventPublisher#publish}.
 *
 * <p>There are four kinds of change. What differs between them is what must never be observable: a token without its
 * event, a revocation the caller was told about but the log lacks, or a theft left unanswered because the log is down.
 *
 * <ol>
 * <li><b>{@link #grant Grant}</b> — something a client or browser receives and may use: tokens, an authorization
 * code, a session (its cookie), a consent. It must not exist without its event, because the log is the system of
 * record: a token the log lacks survives no replay and no cold start, and appears in no audit. The state is written
 * and the event published <i>concurrently</i> (the response waits for the slower, not for both in a row). In mode
 * {@code KAFKA}, if the publish fails the state is undone and the caller gets {@code temporarily_unavailable}: the
 * client never sees what was undone. In mode {@code MEMORY} the answer waits only for the state; the publisher is
 * fire-and-forget and retries in the background, so a publish failure undoes nothing.</li>
 * <li><b>{@link #revoke Revocation}</b> — a single token revoked on request (RFC 7009). Logged first, applied after:
 * a failed log changes nothing and the caller, told {@code temporarily_unavailable}, retries. Applying first would
 * leave a revocation the log lacks, which a cold start would undo (the token would come back). In mode
 * {@code MEMORY} the event is handed to the background publisher and the change applied at once.</li>
 * <li><b>{@link #react Security reaction}</b> — a whole family or session revoked because of refresh-token reuse,
 * code replay, logout or an operator. Applied even when the log is down, in both modes: delaying the reaction to a
 * theft until the broker is back would be a hole. The event follows once the change took effect (a change that
 * failed is not logged, so the log never claims a reaction that did not happen); a failure to log it is logged as an
 * error and reported to the caller (logout shows an error page, the operator API counts it) but never undoes the
 * change.</li>
 * <li><b>{@link #note Note}</b> — a fact for the audit log with no state of its own to protect (failed logins,
 * lock-outs; the throttle's counters live in Hazelcast). Published without waiting in both modes.</li>
 * </ol>
 */
public final class Ledger {
    private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);

    private final Durability mode;
    private final EventPublisher log;
    private final Clock clock;

    /**
     * @param log in mode {@code MEMORY} a fire-and-forget publisher (it retries in the background and answers at
     *            once); in mode {@code KAFKA} one that completes on the broker's acknowledgement
     */
    public Ledger(Durability mode, EventPublisher log, Clock clock) {
        this.mode = mode;
        this.log = log;
        this.clock = clock;
    }

    /** The Ledger's time: a change whose state carries its own time takes it from here, so event and state agree. */
    public Instant now() {
        return clock.instant();
    }

    public Clock clock() {
        return clock;
    }

    /** A change decided now, by a request from {@code ip}; the event is built once the Ledger has stamped it. */
    public static Decision by(String ip, Function<EventMeta, ? extends LifecycleEvent> event) {
        return new Decision(null, ip, event);
    }

    /** A change decided at {@code decidedAt} (the time its state records), by a request from {@code ip}. */
    public static Decision at(Instant decidedAt, String ip, Function<EventMeta, ? extends LifecycleEvent> event) {
        return new Decision(decidedAt, ip, event);
    }

    /**
     * What was decided: the event, built from the envelope the Ledger stamps with its clock.
     *
     * @param decidedAt null for "now"
     */
    public record Decision(Instant decidedAt, String ip, Function<EventMeta, ? extends LifecycleEvent> event) {
    }

    /**
     * Kind 1: runs {@code write} and logs the decision concurrently; if either fails, {@code undo} runs and the
     * change fails with {@code temporarily_unavailable}. In mode {@code MEMORY} only the write is waited for.
     *
     * @param undo removes what {@code write} wrote; runs only after the write completed (whatever its outcome)
     */
    public <T> Future<T> grant(Decision decision, Supplier<Future<T>> write, Supplier<Future<?>> undo) {
        LifecycleEvent event = stamp(decision);
        Future<Void> logged = log.publish(event);
        Future<T> written = write.get();
        if (mode == Durability.MEMORY) {
            logged.onFailure(e -> unlogged(event, e));
            return written.transform(done -> done.succeeded() ? Future.succeededFuture(done.result())
                    : undone(undo, event, storeFailure(event, done.cause())));
        }
        return Future.join(written, logged).transform(done -> {
            if (done.succeeded()) {
                return Future.succeededFuture(written.result());
            }
            if (logged.failed()) {
                LOG.warn("event log unavailable, {} not granted: {}", event.getClass().getSimpleName(),
                        LogRedactor.redact(logged.cause().getMessage()));
                return undone(undo, event, logUnavailable(event));
            }
            return undone(undo, event, storeFailure(event, written.cause()));
        });
    }

    /**
     * Kind 2: logs the revocation, then applies it. A failed log applies nothing and fails with
     * {@code temporarily_unavailable}; the caller may retry. In mode {@code MEMORY} the event is handed to the
     * background publisher and the change applied at once.
     */
    public Future<Void> revoke(Decision decision, Supplier<Future<Void>> apply) {
        LifecycleEvent event = stamp(decision);
        Future<Void> logged = log.publish(event);
        if (mode == Durability.MEMORY) {
            logged.onFailure(e -> unlogged(event, e));
            return apply.get();
        }
        return logged.transform(done -> {
            if (done.failed()) {
                LOG.warn("event log unavailable, {} not applied: {}", event.getClass().getSimpleName(),
                        LogRedactor.redact(done.cause().getMessage()));
                return Future.failedFuture(logUnavailable(event));
            }
            return apply.get();
        });
    }

    /**
     * Kind 3: applies the change at once and logs it alongside; the log's failure never undoes it.
     *
     * @return both outcomes: wait for {@link Reaction#applied()} to answer the request; {@link Reaction#logged()}
     * fails when the change failed or its event did not reach the log (the latter already logged as an error here)
     */
    public Reaction react(Decision decision, Supplier<Future<Void>> apply) {
        LifecycleEvent event = stamp(decision);
        Future<Void> applied = apply.get();
        Future<Void> logged = applied.compose(done -> log.publish(event).onFailure(e -> LOG.error(
                "{} {} applied but not logged: {}", event.getClass().getSimpleName(), event.key(),
                LogRedactor.redact(e.getMessage()))));
        return new Reaction(applied, logged);
    }

    /** The outcome of a security reaction: the change itself, and its event. */
    public record Reaction(Future<Void> applied, Future<Void> logged) {
        /** Completes once both are done: applied (or its failure), and whether the event was logged. */
        public Future<Boolean> appliedThenLogged() {
            return applied.compose(v -> logged.transform(done -> Future.succeededFuture(done.succeeded())));
        }
    }

    /** Kind 4: publishes an audit fact without waiting; nothing depends on it. */
    public void note(Decision decision) {
        LifecycleEvent event = stamp(decision);
        log.publish(event).onFailure(e -> unlogged(event, e));
    }

    private LifecycleEvent stamp(Decision decision) {
        Instant at = decision.decidedAt() != null ? decision.decidedAt() : clock.instant();
        return decision.event().apply(EventMeta.at(at, decision.ip()));
    }

    private static <T> Future<T> undone(Supplier<Future<?>> undo, LifecycleEvent event, Throwable failure) {
        Future<?> undoing;
        try {
            undoing = undo.get();
        } catch (RuntimeException e) {
            undoing = Future.failedFuture(e);
        }
        undoing.onFailure(e -> LOG.error("could not undo {} {}", event.getClass().getSimpleName(), event.key(),
                LogRedactor.scrub(e)));
        return Future.failedFuture(failure);
    }

    private static void unlogged(LifecycleEvent event, Throwable e) {
        LOG.warn("{} {} not published: {}", event.getClass().getSimpleName(), event.meta().id(),
                LogRedactor.redact(e.getMessage()));
    }

    /** The answer when the log did not take a decision; worded per kind of decision, as clients have known it. */
    private static Throwable logUnavailable(LifecycleEvent event) {
        String description;
        if (event instanceof TokensIssued) {
            description = "the token service cannot record the grant right now; try again shortly";
        } else if (event instanceof CodeIssued) {
            description = "the sign-in could not be recorded; try again shortly";
        } else {
            description = "the change cannot be recorded right now; try again shortly";
        }
        return OAuthError.temporarilyUnavailable(description).toException();
    }

    /** The answer when the state could not be written: tokens and codes say so; other failures speak for themselves. */
    private static Throwable storeFailure(LifecycleEvent event, Throwable cause) {
        if (event instanceof TokensIssued) {
            LOG.error("token store write failed", LogRedactor.scrub(cause));
            return OAuthError.temporarilyUnavailable("the token store is unavailable; try again shortly").toException();
        }
        if (event instanceof CodeIssued) {
            LOG.error("authorization code store write failed", LogRedactor.scrub(cause));
            return OAuthError.temporarilyUnavailable("the sign-in could not be recorded; try again shortly")
                    .toException();
        }
        return cause;
    }
}
