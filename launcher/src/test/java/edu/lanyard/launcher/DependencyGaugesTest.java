package edu.lanyard.launcher;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code lanyard_dependency_up} follows each dependency's check, down and up again; a hung check counts as down. */
class DependencyGaugesTest {
    @Test
    void eachDependencysGaugeFollowsItsCheck() throws Exception {
        Vertx vertx = Vertx.vertx();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        AtomicBoolean brokerUp = new AtomicBoolean(true);
        try {
            new HealthChecks()
                    .add("hazelcast", Future::succeededFuture)
                    .addDependency("kafka", () -> brokerUp.get() ? Future.succeededFuture()
                            : Future.failedFuture("no broker"))
                    .addDependency("postgres", () -> Future.succeededFuture())
                    .addDependency("projection", () -> vertx.timer(5, TimeUnit.SECONDS)) // answers too late
                    .publishDependencyGauges(vertx, meters, 100);

            waitFor(meters, "kafka", 1.0);
            waitFor(meters, "postgres", 1.0);
            waitFor(meters, "projection", 0.0);
            brokerUp.set(false);
            waitFor(meters, "kafka", 0.0);
            brokerUp.set(true);
            waitFor(meters, "kafka", 1.0);
            assertEquals(3, meters.find("lanyard.dependency.up").gauges().size(), "own checks are not dependencies");
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    private static void waitFor(SimpleMeterRegistry meters, String dependency, double value)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        double seen;
        do {
            seen = meters.get("lanyard.dependency.up").tag("dependency", dependency).gauge().value();
            if (seen == value) {
                return;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        assertEquals(value, seen, dependency);
    }
}
