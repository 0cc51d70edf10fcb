package edu.lanyard.directory.db;

import edu.lanyard.core.config.LanyardConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.pubsub.PgSubscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * LISTENs on {@code lanyard_directory} over one dedicated connection and reconnects forever. Postgres does not queue
 * notifications for a listener that is away, so after every reconnect {@code onResubscribed} runs and the owner must
 * assume it missed changes. A periodic probe closes a connection that went silently dead, which starts that cycle.
 */
final class DirectoryListener {
    static final String CHANNEL = "lanyard_directory";
    private static final Logger log = LoggerFactory.getLogger(DirectoryListener.class);
    private static final long MAX_RECONNECT_DELAY_MS = 5_000;
    private static final long PROBE_INTERVAL_MS = 30_000;
    private static final long PROBE_TIMEOUT_MS = 10_000;

    private final Vertx vertx;
    private final PgSubscriber subscriber;
    private final AtomicInteger subscriptions = new AtomicInteger();
    private final long probeTimer;

    private DirectoryListener(Vertx vertx, PgSubscriber subscriber) {
        this.vertx = vertx;
        this.subscriber = subscriber;
        this.probeTimer = vertx.setPeriodic(PROBE_INTERVAL_MS, id -> probe());
    }

    /**
     * Connects and LISTENs; the returned future completes once the first LISTEN is in place, so a load that starts
     * afterwards cannot miss a change.
     */
    static Future<DirectoryListener> start(Vertx vertx, LanyardConfig.Postgres postgres, String applicationName,
                                           Consumer<DirectoryChange> onChange, Runnable onResubscribed) {
        PgSubscriber subscriber = PgSubscriber.subscriber(vertx, PgPools.connectOptions(postgres, applicationName))
                .reconnectPolicy(attempt -> Math.min(100L << Math.min(attempt, 6), MAX_RECONNECT_DELAY_MS));
        DirectoryListener listener = new DirectoryListener(vertx, subscriber);
        subscriber.channel(CHANNEL)
                .subscribeHandler(ignored -> {
                    if (listener.subscriptions.get() > 0) {
                        log.info("{} re-subscribed to {}; changes made meanwhile may have been missed",
                                applicationName, CHANNEL);
                        onResubscribed.run();
                    }
                    listener.subscriptions.incrementAndGet();
                })
                .exceptionHandler(e -> log.error("{} notification stream failed", applicationName, e))
                .handler(payload -> DirectoryChange.parse(payload).ifPresentOrElse(onChange,
                        () -> log.warn("{} ignored a malformed notification: {}", applicationName, payload)));
        return subscriber.connect()
                .map(listener)
                .onFailure(e -> listener.close());
    }

    Future<Void> close() {
        vertx.cancelTimer(probeTimer);
        return subscriber.close();
    }

    /** Visible for tests: how many times LISTEN has been (re)established. */
    int subscriptions() {
        return subscriptions.get();
    }

    private void probe() {
        PgConnection connection = subscriber.actualConnection();
        if (connection == null) {
            return;
        }
        connection.query("select 1").execute()
                .timeout(PROBE_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .onFailure(e -> {
                    log.warn("directory listener connection failed its probe; reconnecting", e);
                    connection.close();
                });
    }
}
