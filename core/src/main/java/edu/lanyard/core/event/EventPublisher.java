package edu.lanyard.core.event;

import io.vertx.core.Future;

/**
 * Where decisions go before anyone is told about them. Only the {@link edu.lanyard.core.ledger.Ledger} publishes: it
 * decides, per kind of change and durability mode, how a publish is ordered against the state it records.
 */
public interface EventPublisher {
    /** Completes when the event is as durable as the configured mode promises; fails if it is not. */
    Future<Void> publish(LifecycleEvent event);
}
