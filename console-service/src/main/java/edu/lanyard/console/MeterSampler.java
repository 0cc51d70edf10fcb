package edu.lanyard.console;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Reads this node's own meters (docs/operations.md, "The meters") and turns their running totals into the rates and
 * percentiles of the interval since the previous reading. The first reading only sets the baseline (its rates are 0).
 * Not thread-safe: one timer calls it.
 */
final class MeterSampler {
    private final MeterRegistry registry;
    private final Map<String, Double> previousTotals = new HashMap<>();
    private final Map<String, TreeMap<Double, Double>> previousBuckets = new HashMap<>();
    private long previousAt = -1;

    MeterSampler(MeterRegistry registry) {
        this.registry = registry;
    }

    LiveSample sample(long nowMillis) {
        double seconds = previousAt < 0 ? 0 : Math.max(0.001, (nowMillis - previousAt) / 1000.0);
        Map<String, Double> signIns = rates("signins", counters("lanyard.signins", "outcome"), seconds);
        Map<String, Double> tokens = rates("tokens", counters("lanyard.tokens.issued", "grant"), seconds);
        Map<String, Double> unavailable = rates("503", timerCounts("lanyard.http.requests",
                timer -> "503".equals(timer.getId().getTag("status")) ? "503" : null), seconds);
        Map<String, Double> p99 = new TreeMap<>();
        buckets("lanyard.http.requests", "endpoint").forEach((endpoint, buckets) -> {
            Double value = p99("http:" + endpoint, buckets);
            if (value != null) {
                p99.put(endpoint, value);
            }
        });
        Map<String, TreeMap<Double, Double>> kafka = buckets("lanyard.kafka.publish", null);
        Double kafkaP99 = kafka.isEmpty() ? null : p99("kafka", kafka.values().iterator().next());
        double kafkaRate = rates("kafka", timerCounts("lanyard.kafka.publish", timer -> "all"), seconds)
                .getOrDefault("all", 0.0);
        LiveSample sample = new LiveSample(nowMillis, signIns, tokens, unavailable.getOrDefault("503", 0.0), p99,
                kafkaP99, kafkaRate, gaugeSum("lanyard.projection.lag"), gaugeSum("lanyard.hazelcast.members"));
        previousAt = nowMillis;
        return sample;
    }

    /** Running totals of a counter family, by one tag. */
    private Map<String, Double> counters(String name, String tag) {
        Map<String, Double> totals = new TreeMap<>();
        for (Counter counter : registry.find(name).counters()) {
            String key = counter.getId().getTag(tag);
            totals.merge(key == null ? "none" : key, counter.count(), Double::sum);
        }
        return totals;
    }

    /** Running counts of a timer family, grouped by {@code key} (null leaves the timer out). */
    private Map<String, Double> timerCounts(String name, Function<Timer, String> key) {
        Map<String, Double> totals = new TreeMap<>();
        for (Timer timer : registry.find(name).timers()) {
            String group = key.apply(timer);
            if (group != null) {
                totals.merge(group, (double) timer.count(), Double::sum);
            }
        }
        return totals;
    }

    /**
     * Per second since the last reading. A series born since then (a meter registered at its first event, such as
     * the first 503) counts from zero; one that went down (its meter replaced) too.
     */
    private Map<String, Double> rates(String family, Map<String, Double> totals, double seconds) {
        Map<String, Double> rates = new TreeMap<>();
        totals.forEach((key, total) -> {
            Double before = previousTotals.put(family + "|" + key, total);
            double start = before == null || total < before ? 0 : before;
            double delta = seconds == 0 ? 0 : total - start;
            rates.put(key, seconds == 0 ? 0.0 : round(delta / seconds));
        });
        return rates;
    }

    /** Cumulative bucket counts (upper bound in ms → count), summed over the timers of each {@code tag} value. */
    private Map<String, TreeMap<Double, Double>> buckets(String name, String tag) {
        Map<String, TreeMap<Double, Double>> byKey = new TreeMap<>();
        for (Timer timer : registry.find(name).timers()) {
            String key = tag == null ? "all" : timer.getId().getTag(tag);
            TreeMap<Double, Double> buckets = byKey.computeIfAbsent(key == null ? "none" : key, k -> new TreeMap<>());
            for (CountAtBucket bucket : timer.takeSnapshot().histogramCounts()) {
                buckets.merge(bucket.bucket(TimeUnit.MILLISECONDS), bucket.count(), Double::sum);
            }
            buckets.merge(Double.POSITIVE_INFINITY, (double) timer.count(), Double::sum);
        }
        return byKey;
    }

    /**
     * The interval's p99 from the change in cumulative bucket counts: the smallest bucket bound holding 99% of the
     * interval's observations. Slower than the largest bucket reads as that bound; null when nothing was observed.
     */
    private Double p99(String series, TreeMap<Double, Double> now) {
        TreeMap<Double, Double> before = previousBuckets.put(series, now);
        if (before == null) {
            if (previousAt < 0) {
                return null;   // the baseline
            }
            before = new TreeMap<>();   // born since the last reading: everything it holds is new
        }
        double total = now.getOrDefault(Double.POSITIVE_INFINITY, 0.0)
                - before.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        if (total <= 0) {
            return null;
        }
        double largest = 0;
        for (Map.Entry<Double, Double> bucket : now.entrySet()) {
            if (bucket.getKey().isInfinite()) {
                continue;
            }
            largest = bucket.getKey();
            double within = bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0);
            if (within >= 0.99 * total) {
                return bucket.getKey();
            }
        }
        return largest;
    }

    private Double gaugeSum(String name) {
        var gauges = registry.find(name).gauges();
        if (gauges.isEmpty()) {
            return null;
        }
        double sum = 0;
        for (Gauge gauge : gauges) {
            double value = gauge.value();
            if (!Double.isNaN(value)) {
                sum += value;
            }
        }
        return sum;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
