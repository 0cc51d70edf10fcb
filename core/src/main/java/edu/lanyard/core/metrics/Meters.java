package edu.lanyard.core.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.Arrays;

/** The Prometheus registry of one process and the {@code /metrics} handler that exposes it. */
public final class Meters {
    /**
     * The histogram buckets of every Lanyard latency (requests, Kafka publishes, projector batches): the service levels
     * an operator asks about, in milliseconds. Micrometer's default percentile histogram has ~70 buckets per series,
     * which times endpoints × grants × statuses × pods is most of a scrape; these few still give
     * {@code histogram_quantile} a p99 good to the nearest bucket, and "how many were under 250 ms" exactly.
     */
    public static final long[] LATENCY_BUCKETS_MS = {5, 10, 25, 50, 100, 250, 500, 1000, 2500};

    private Meters() {
    }

    public static PrometheusMeterRegistry prometheus() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("application", "lanyard");
        registry.config().meterFilter(latencyBuckets());
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        return registry;
    }

    /**
     * Gives every Lanyard timer ({@code lanyard.*}) the {@link #LATENCY_BUCKETS_MS} buckets and never the default
     * percentile histogram, whatever its builder asked for: one place decides the size of a scrape.
     */
    public static MeterFilter latencyBuckets() {
        double[] bucketsNanos = Arrays.stream(LATENCY_BUCKETS_MS)
                .mapToDouble(ms -> Duration.ofMillis(ms).toNanos()).toArray();
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getType() != Meter.Type.TIMER || !id.getName().startsWith("lanyard.")) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentilesHistogram(false)
                        .serviceLevelObjectives(bucketsNanos)
                        .build()
                        .merge(config);
            }
        };
    }
}
