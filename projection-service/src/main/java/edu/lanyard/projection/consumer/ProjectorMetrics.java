package edu.lanyard.projection.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The projector's meters: lag per partition, batch latency and size, events applied per type. */
final class ProjectorMetrics {
    private final MeterRegistry meters;
    private final String topic;
    private final Timer batchLatency;
    private final DistributionSummary batchSize;
    private final Counter rejected;
    private final AtomicLong waiting = new AtomicLong();
    private final Map<Integer, AtomicLong> lag = new ConcurrentHashMap<>();
    private final Map<String, Counter> eventsByType = new ConcurrentHashMap<>();

    ProjectorMetrics(MeterRegistry meters, String topic) {
        this.meters = meters;
        this.topic = topic;
        this.batchLatency = Timer.builder("lanyard.projection.batch")
                .description("Time to apply one batch of events to Postgres, commit included")
                .register(meters);
        this.batchSize = DistributionSummary.builder("lanyard.projection.batch.events")
                .description("Events per applied batch")
                .register(meters);
        this.rejected = Counter.builder("lanyard.projection.rejected")
                .description("Records that were not readable events, kept in projection.rejected_events")
                .register(meters);
        Gauge.builder("lanyard.projection.paused", waiting, AtomicLong::get)
                .description("1 while the projector waits for Postgres or Kafka, or is stalled")
                .register(meters);
    }

    void batch(long nanos, int events) {
        batchLatency.record(nanos, TimeUnit.NANOSECONDS);
        batchSize.record(events);
    }

    /** Counts applied events; their rate is the projector's events per second. */
    void applied(String type, int count) {
        eventsByType.computeIfAbsent(type, t -> Counter.builder("lanyard.projection.events")
                .description("Events applied to the projections")
                .tag("type", t)
                .register(meters)).increment(count);
    }

    void rejected(int count) {
        rejected.increment(count);
    }

    void paused(boolean paused) {
        waiting.set(paused ? 1 : 0);
    }

    void lag(int partition, long events) {
        lag.computeIfAbsent(partition, p -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("lanyard.projection.lag", value, AtomicLong::get)
                    .description("Events in the topic partition not yet applied to the projections")
                    .tags("topic", topic, "partition", String.valueOf(p))
                    .register(meters);
            return value;
        }).set(events);
    }
}
