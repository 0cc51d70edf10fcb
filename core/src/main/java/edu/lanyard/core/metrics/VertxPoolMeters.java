package edu.lanyard.core.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.VertxOptions;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.core.spi.metrics.PoolMetrics;
import io.vertx.core.spi.metrics.VertxMetrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Vert.x's pools as gauges, through Vert.x's metrics SPI and nothing else of it: the Postgres client pools
 * ({@code type="sql"}) and the worker pools ({@code type="worker"}, where password hashing queues at 8 a.m.). Per
 * pool: requests waiting for a connection or a thread, ones being served, and the pool's size. Pools of the same type
 * and name (the services' Postgres pools share one) are added up.
 */
public final class VertxPoolMeters implements VertxMetricsFactory {
    private final MeterRegistry meters;
    private final Map<String, Counts> pools = new ConcurrentHashMap<>();

    public VertxPoolMeters(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public VertxMetrics metrics(VertxOptions options) {
        return new VertxMetrics() {
            @Override
            public PoolMetrics<?, ?> createPoolMetrics(String poolType, String poolName, int maxPoolSize) {
                Counts counts = pools.computeIfAbsent(poolType + "/" + poolName,
                        key -> new Counts(poolType, poolName));
                counts.size.addAndGet(maxPoolSize);
                return counts.metrics(maxPoolSize);
            }
        };
    }

    /** The gauges of one pool type and name. */
    private final class Counts {
        final AtomicLong pending = new AtomicLong();
        final AtomicLong inUse = new AtomicLong();
        final AtomicLong size = new AtomicLong();

        Counts(String type, String name) {
            gauge("lanyard.vertx.pool.pending", pending, type, name,
                    "Requests waiting for a pooled Postgres connection (type=sql) or a worker thread (type=worker)");
            gauge("lanyard.vertx.pool.in.use", inUse, type, name,
                    "Pooled Postgres connections (type=sql) or worker threads (type=worker) in use");
            gauge("lanyard.vertx.pool.size", size, type, name,
                    "Largest number of connections or threads the pool may hold");
        }

        private void gauge(String meter, AtomicLong value, String type, String name, String description) {
            Gauge.builder(meter, value, AtomicLong::get)
                    .description(description)
                    .tag("type", type)
                    .tag("pool", name)
                    .strongReference(true)
                    .register(meters);
        }

        PoolMetrics<Object, Object> metrics(int maxPoolSize) {
            return new PoolMetrics<>() {
                @Override
                public Object enqueue() {
                    pending.incrementAndGet();
                    return null;
                }

                @Override
                public void dequeue(Object queued) {
                    pending.decrementAndGet();
                }

                @Override
                public Object begin() {
                    inUse.incrementAndGet();
                    return null;
                }

                @Override
                public void end(Object task) {
                    inUse.decrementAndGet();
                }

                @Override
                public void close() {
                    size.addAndGet(-maxPoolSize);
                }
            };
        }
    }
}
