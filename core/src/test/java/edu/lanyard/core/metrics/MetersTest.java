package edu.lanyard.core.metrics;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry's latency buckets: a few service levels instead of Micrometer's ~70 default buckets. */
class MetersTest {
    private static List<String> lines(PrometheusMeterRegistry registry, String prefix) {
        return registry.scrape().lines().filter(line -> line.startsWith(prefix)).toList();
    }

    @Test
    void lanyardTimersGetTheServiceLevelBucketsEvenWhenTheyAskForAPercentileHistogram() {
        PrometheusMeterRegistry registry = Meters.prometheus();
        Timer timer = Timer.builder("lanyard.test.latency").description("a test latency")
                .publishPercentileHistogram().register(registry);
        timer.record(Duration.ofMillis(7));
        timer.record(Duration.ofMillis(300));

        List<String> buckets = lines(registry, "lanyard_test_latency_seconds_bucket");
        System.out.println("buckets of one series: " + buckets.size());
        assertEquals(Meters.LATENCY_BUCKETS_MS.length + 1, buckets.size(), String.join("\n", buckets));
        assertTrue(buckets.stream().anyMatch(b -> b.contains("le=\"0.005\"") && b.endsWith(" 0")), buckets.toString());
        assertTrue(buckets.stream().anyMatch(b -> b.contains("le=\"0.01\"") && b.endsWith(" 1")), buckets.toString());
        assertTrue(buckets.stream().anyMatch(b -> b.contains("le=\"0.5\"") && b.endsWith(" 2")), buckets.toString());
        assertTrue(buckets.stream().anyMatch(b -> b.contains("le=\"+Inf\"") && b.endsWith(" 2")), buckets.toString());
    }

    /** The filter can fail: a timer outside Lanyard's names keeps the default histogram it asked for. */
    @Test
    void otherTimersKeepWhatTheyAskedFor() {
        PrometheusMeterRegistry registry = Meters.prometheus();
        Timer.builder("library.latency").publishPercentileHistogram().register(registry).record(Duration.ofMillis(7));
        int defaults = lines(registry, "library_latency_seconds_bucket").size();
        System.out.println("default percentile histogram buckets: " + defaults);
        assertTrue(defaults > 40, "Micrometer's default histogram: " + defaults);
    }

    @Test
    void summariesAreLeftAlone() {
        PrometheusMeterRegistry registry = Meters.prometheus();
        DistributionSummary.builder("lanyard.test.size").register(registry).record(3);
        assertTrue(lines(registry, "lanyard_test_size_bucket").isEmpty());
        assertEquals(1, lines(registry, "lanyard_test_size_count").size());
    }
}
