package edu.lanyard.core.event;

import edu.lanyard.core.logging.LogRedactor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * Durability mode {@code MEMORY}: the response goes out once Hazelcast (with its synchronous backup) has the state;
 * the event follows asynchronously. The producer itself retries a send for its whole delivery timeout; a send it
 * refuses at once (during a broker outage it forgets the topic's metadata) is tried again here, every half second,
 * until the same deadline. Only then is the event counted and logged as unpublished — the operator's alarm.
 * Retried events may reach the log after later ones of the same family; the projector's merge rules allow that.
 */
public final class FireAndForgetPublisher implements EventPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(FireAndForgetPublisher.class);
    private static final long RETRY_DELAY_MS = 500;

    private final Vertx vertx;
    private final EventPublisher delegate;
    private final long giveUpAfterMs;
    private final Counter lost;

    public FireAndForgetPublisher(Vertx vertx, EventPublisher delegate, long giveUpAfterMs, MeterRegistry meters) {
        this.vertx = vertx;
        this.delegate = delegate;
        this.giveUpAfterMs = giveUpAfterMs;
        this.lost = unpublished(meters);
    }

    /**
     * Events given up. Registered (at 0) on every node, whatever its durability, so that one alert and one dashboard
     * panel fit every deployment.
     */
    public static Counter unpublished(MeterRegistry meters) {
        return Counter.builder("lanyard.events.unpublished")
                .description("Events the broker never acknowledged in durability mode memory (always 0 in kafka)")
                .register(meters);
    }

    @Override
    public Future<Void> publish(LifecycleEvent event) {
        send(event, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(giveUpAfterMs));
        return Future.succeededFuture();
    }

    private void send(LifecycleEvent event, long deadlineNanos) {
        delegate.publish(event).onFailure(e -> {
            if (System.nanoTime() - deadlineNanos < 0) {
                vertx.setTimer(RETRY_DELAY_MS, retry -> send(event, deadlineNanos));
                return;
            }
            lost.increment();
            LOG.error("event {} ({}) was not published: {}", event.meta().id(),
                    event.getClass().getSimpleName(), LogRedactor.redact(e.getMessage()));
        });
    }
}
