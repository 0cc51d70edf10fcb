package edu.lanyard.console;

import edu.lanyard.core.metrics.Meters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Rates and p99s of an interval, from the node's own meters as Lanyard registers them. */
class MeterSamplerTest {
    private final MeterRegistry registry = Meters.prometheus();
    private final MeterSampler sampler = new MeterSampler(registry);
    private final java.util.concurrent.atomic.AtomicLong lag0 = new java.util.concurrent.atomic.AtomicLong(7);
    private final java.util.concurrent.atomic.AtomicLong lag1 = new java.util.concurrent.atomic.AtomicLong(5);
    private final java.util.concurrent.atomic.AtomicLong members = new java.util.concurrent.atomic.AtomicLong(3);

    private void request(String endpoint, int status, long millis) {
        Timer.builder("lanyard.http.requests").tag("endpoint", endpoint).tag("status", String.valueOf(status))
                .tag("grant", "none").tag("method", "POST").register(registry).record(Duration.ofMillis(millis));
    }

    @Test
    void theFirstReadingIsTheBaselineAndTheNextGivesPerSecondRates() {
        registry.counter("lanyard.signins", "via", "login_page", "outcome", "success").increment(3);
        LiveSample baseline = sampler.sample(0);
        assertEquals(0.0, baseline.signIns().get("success"));

        registry.counter("lanyard.signins", "via", "login_page", "outcome", "success").increment(10);
        registry.counter("lanyard.signins", "via", "password_grant", "outcome", "success").increment(10);
        registry.counter("lanyard.signins", "via", "login_page", "outcome", "failure").increment(5);
        registry.counter("lanyard.tokens.issued", "grant", "password", "client", "a").increment(50);
        LiveSample next = sampler.sample(5_000);
        assertEquals(4.0, next.signIns().get("success"), "20 in 5 s, both ways summed");
        assertEquals(1.0, next.signIns().get("failure"));
        assertEquals(10.0, next.tokens().get("password"));
    }

    @Test
    void theP99IsTheBucketHoldingNinetyNinePercentOfTheIntervalsRequests() {
        request("token", 200, 1);
        sampler.sample(0);
        for (int i = 0; i < 99; i++) {
            request("token", 200, 20);
        }
        request("token", 503, 400);
        LiveSample sample = sampler.sample(10_000);
        assertEquals(25.0, sample.p99ByEndpoint().get("token"), "99 of 100 within the 25 ms bucket");
        assertEquals(0.1, sample.unavailable(), "one 503 in 10 s");

        for (int i = 0; i < 10; i++) {
            request("token", 200, 3000);
        }
        assertEquals(2500.0, sampler.sample(20_000).p99ByEndpoint().get("token"),
                "slower than the largest bucket reads as that bucket");
        assertNull(sampler.sample(30_000).p99ByEndpoint().get("token"), "no request, no p99");
    }

    @Test
    void gaugesAreSummedAndAbsentOnesAreNull() {
        LiveSample none = sampler.sample(0);
        assertNull(none.projectionLag());
        assertNull(none.members());
        // held by the test: Micrometer keeps only a weak reference to a gauge's object
        registry.gauge("lanyard.projection.lag", java.util.List.of(io.micrometer.core.instrument.Tag.of("partition",
                "0")), lag0);
        registry.gauge("lanyard.projection.lag", java.util.List.of(io.micrometer.core.instrument.Tag.of("partition",
                "1")), lag1);
        registry.gauge("lanyard.hazelcast.members", members);
        LiveSample sample = sampler.sample(5_000);
        assertEquals(12.0, sample.projectionLag());
        assertEquals(3.0, sample.members());
    }
}
