package edu.lanyard.devkit.memory;

import edu.lanyard.core.event.EventLogUnavailableException;
import edu.lanyard.core.event.EventPublisher;
import edu.lanyard.core.event.LifecycleEvent;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.List;

/**
 * An event log in memory: records every event it takes, in order. Told to fail, it refuses every event as a broker
 * that is down does, and records nothing, so tests can prove what happens when a decision cannot be logged.
 */
public final class RecordingEventPublisher implements EventPublisher {
    private final List<LifecycleEvent> published = new ArrayList<>();
    private volatile boolean failing;

    @Override
    public synchronized Future<Void> publish(LifecycleEvent event) {
        if (failing) {
            return Future.failedFuture(new EventLogUnavailableException("the event log is down (test)", null));
        }
        published.add(event);
        return Future.succeededFuture();
    }

    /** From now on every publish fails. */
    public void goDown() {
        failing = true;
    }

    public void comeBack() {
        failing = false;
    }

    /** Every event taken so far, oldest first. */
    public synchronized List<LifecycleEvent> published() {
        return List.copyOf(published);
    }

    /** The events of one type taken so far, oldest first. */
    public synchronized <T extends LifecycleEvent> List<T> published(Class<T> type) {
        return published.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
