package edu.lanyard.core.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.metrics.MetricsOptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The worker pool of a real Vert.x, filled past its size: the gauges show the threads in use and the queue. */
class VertxPoolMetersTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private double gauge(String name) {
        return registry.get(name).tags("type", "worker", "pool", "vert.x-worker-thread").gauge().value();
    }

    @Test
    void workerThreadsInUseAndTasksWaiting() throws Exception {
        Vertx vertx = Vertx.builder()
                .with(new VertxOptions().setWorkerPoolSize(2).setMetricsOptions(new MetricsOptions().setEnabled(true)))
                .withMetrics(new VertxPoolMeters(registry))
                .build();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(2);
        try {
            assertEquals(2.0, gauge("lanyard.vertx.pool.size"));
            List<Future<Object>> tasks = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                tasks.add(vertx.executeBlocking(() -> {
                    started.countDown();
                    release.await();
                    return null;
                }, false));
            }
            assertTrue(started.await(10, TimeUnit.SECONDS));
            System.out.println("in use " + gauge("lanyard.vertx.pool.in.use") + ", waiting "
                    + gauge("lanyard.vertx.pool.pending"));
            assertEquals(2.0, gauge("lanyard.vertx.pool.in.use"));
            assertEquals(3.0, gauge("lanyard.vertx.pool.pending"));

            release.countDown();
            Future.all(tasks).await(10, TimeUnit.SECONDS);
            assertEquals(0.0, gauge("lanyard.vertx.pool.in.use"));
            assertEquals(0.0, gauge("lanyard.vertx.pool.pending"));
        } finally {
            release.countDown();
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }
}
