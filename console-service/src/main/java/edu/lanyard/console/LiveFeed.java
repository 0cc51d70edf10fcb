package edu.lanyard.console;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/**
 * Samples this node's meters every {@link #INTERVAL_MS} and keeps the last hour in a ring buffer; every open console
 * is handed each new sample. One per node (not per HTTP verticle), so the hour is the node's.
 */
final class LiveFeed implements AutoCloseable {
    static final long INTERVAL_MS = 5_000;
    /** One hour of samples. */
    static final int HISTORY = (int) (3_600_000 / INTERVAL_MS);

    private final Vertx vertx;
    private final MeterSampler sampler;
    private final RingBuffer<LiveSample> history = new RingBuffer<>(HISTORY);
    private final Set<Consumer<LiveSample>> listeners = new CopyOnWriteArraySet<>();
    private final long timer;

    LiveFeed(Vertx vertx, MeterRegistry registry) {
        this.vertx = vertx;
        this.sampler = new MeterSampler(registry);
        sampler.sample(System.currentTimeMillis());   // the baseline: the first interval's rates are real ones
        this.timer = vertx.setPeriodic(INTERVAL_MS, id -> tick());
    }

    private void tick() {
        LiveSample sample = sampler.sample(System.currentTimeMillis());
        history.add(sample);
        listeners.forEach(listener -> listener.accept(sample));
    }

    List<LiveSample> history() {
        return history.snapshot();
    }

    /** Calls {@code listener} with every new sample, on the feed's timer; the returned runnable unsubscribes. */
    Runnable subscribe(Consumer<LiveSample> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
        vertx.cancelTimer(timer);
        listeners.clear();
    }
}
