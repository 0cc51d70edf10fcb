package edu.lanyard.common.event;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durability mode {@code MEMORY}: the response goes out once Hazelcast (with its synchronous backup) has the state;
 * the event follows asynchronously. A failed send is counted and logged — the operator's alarm — but never fails the
 * request. The producer keeps retrying for its whole delivery timeout before giving up.
 */
public final class FireAndForgetPublisher implements EventPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(FireAndForgetPublisher.class);

    private final EventPublisher delegate;
    private final Counter lost;

    public FireAndForgetPublisher(EventPublisher delegate, MeterRegistry meters) {
        this.delegate = delegate;
        this.lost = Counter.builder("lanyard.events.unpublished")
                .description("Events the broker never acknowledged in durability mode memory")
                .register(meters);
    }

    @Override
    public Future<Void> publish(LifecycleEvent event) {
        delegate.publish(event).onFailure(e -> {
            lost.increment();
            LOG.error("event {} ({}) was not published: {}", event.meta().id(),
                    event.getClass().getSimpleName(), e.getMessage());
        });
        return Future.succeededFuture();
    }
}
