package edu.lanyard.core.event;

import io.vertx.core.Future;

/** Where decisions go before anyone is told about them. */
public interface EventPublisher {
    /** Completes when the event is as durable as the configured mode promises; fails if it is not. */
    Future<Void> publish(LifecycleEvent event);
}
