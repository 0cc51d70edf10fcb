package edu.lanyard.projection.consumer;

import edu.lanyard.projection.db.Offsets;
import edu.lanyard.projection.db.ProjectionSchema;
import edu.lanyard.projection.db.ProjectionWriter;
import edu.lanyard.projection.db.StaleOffsetsException;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The projection consumer: a member of the projection consumer group on a thread of its own, applying each poll
 * as one Postgres transaction together with the partitions' next offsets.
 *
 * <p>Why a plain {@link KafkaConsumer} on a dedicated thread rather than the Vert.x client: the offsets live in
 * Postgres, so on every assignment the consumer must read them and seek before the next poll hands out a record,
 * and a batch must be applied and committed before the next poll. The plain consumer's rebalance listener runs
 * inside {@code poll} on this thread, which gives exactly that; the writes are blocking JDBC, which belongs on a
 * thread like this one and never on an event loop.
 *
 * <p>Nothing is committed to Kafka. A partition's position is trusted only after it was read from Postgres; when a
 * write fails (Postgres away, another projector took over, a replay swapped tables) every partition is paused and
 * re-read before it is consumed again, so no event is applied twice or skipped.
 */
public final class Projector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Projector.class);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration KAFKA_CHECK_TIMEOUT = Duration.ofSeconds(2);
    private static final long LAG_CHECK_MS = 2_000;
    private static final long MAINTENANCE_MS = TimeUnit.HOURS.toMillis(1);
    private static final long MAX_RETRY_MS = 5_000;

    private final ProjectorSettings settings;
    private final DataSource database;
    private final Clock clock;
    private final ProjectorMetrics metrics;
    private final ProjectionWriter writer;
    private final Retention retention;
    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;

    // Consumer thread only: the offset Postgres holds for each assigned partition (absent: none yet) …
    private final Map<TopicPartition, Long> stored = new HashMap<>();
    // … and the assigned partitions whose stored offset must be (re-)read before they are consumed.
    private final Set<TopicPartition> unsynced = new HashSet<>();
    private final Map<TopicPartition, Long> lag = new HashMap<>();
    private long retryDelayMs = 250;
    private long nextSyncAt;
    private long nextLagCheckAt;
    private long nextMaintenanceAt;

    private volatile boolean running = true;
    private volatile ProjectorStatus status;
    private volatile long eventsApplied;
    private volatile Instant lastBatchAt;

    public Projector(ProjectorSettings settings, DataSource database, MeterRegistry meters, Clock clock) {
        this.settings = settings;
        this.database = database;
        this.clock = clock;
        this.metrics = new ProjectorMetrics(meters, settings.topic());
        this.writer = new ProjectionWriter(ProjectionSchema.LIVE, settings.topic());
        this.retention = new Retention(settings.auditRetentionDays(), settings.statsRetentionDays());
        this.consumer = new KafkaConsumer<>(consumerConfig(settings), new StringDeserializer(),
                new StringDeserializer());
        this.status = new ProjectorStatus(ProjectorState.RUNNING, null, Map.of(), Map.of(), 0, null);
        this.thread = new Thread(this::run, "lanyard-projector");
        this.thread.setDaemon(true);
    }

    static Properties consumerConfig(ProjectorSettings settings) {
        Properties config = new Properties();
        config.putAll(settings.kafkaClient());
        config.put("group.id", settings.groupId());
        config.put("enable.auto.commit", "false");
        // Only consulted when a stored offset fell out of the topic's retention.
        config.put("auto.offset.reset", "earliest");
        config.put("max.poll.records", String.valueOf(settings.maxBatch()));
        config.put("client.id", "lanyard-projector");
        // A projector that dies is replaced after this long; heartbeats come from the client's own thread.
        config.put("session.timeout.ms", "10000");
        config.put("heartbeat.interval.ms", "3000");
        config.put("reconnect.backoff.max.ms", "2000");
        return config;
    }

    public Projector start() {
        thread.start();
        return this;
    }

    public ProjectorStatus status() {
        return status;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(15));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        consumer.subscribe(List.of(settings.topic()), new Assignments());
        while (running) {
            try {
                syncUnsynced();
                ConsumerRecords<String, String> records = consumer.poll(POLL);
                if (!records.isEmpty()) {
                    apply(records);
                }
                checkLag();
                maintain();
            } catch (WakeupException e) {
                if (running) {
                    LOG.warn("projector woken up while running; carrying on");
                }
            } catch (KafkaException e) {
                LOG.warn("Kafka: {}; partitions re-read their offsets", e.getMessage());
                resyncAll(ProjectorState.WAITING_FOR_KAFKA, "Kafka: " + e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("projector failed on a batch; it is retried from the stored offsets", e);
                resyncAll(ProjectorState.STALLED, e.toString());
            }
        }
        try {
            consumer.close(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.warn("projector consumer did not close cleanly: {}", e.getMessage());
        }
        publish(ProjectorState.STOPPED, null);
    }

    private void apply(ConsumerRecords<String, String> records) {
        BatchAssembler.Assembled assembled = BatchAssembler.assemble(records);
        assembled.stalled().forEach((partition, stall) -> {
            consumer.pause(List.of(partition));
            LOG.error("partition {} waits at offset {}: {}", partition, stall.offset(), stall.reason().getMessage());
            publish(ProjectorState.STALLED, stall.reason().getMessage());
        });
        if (assembled.batch().isEmpty()) {
            return;
        }
        Map<Integer, Long> expected = new HashMap<>();
        stored.forEach((partition, offset) -> expected.put(partition.partition(), offset));
        long start = System.nanoTime();
        try (Connection connection = database.getConnection()) {
            writer.write(connection, assembled.batch(), expected, retention.appendFrom(clock));
        } catch (StaleOffsetsException e) {
            LOG.info("{}; re-reading offsets", e.getMessage());
            resyncAll(ProjectorState.RUNNING, null);
            return;
        } catch (SQLException e) {
            LOG.warn("Postgres did not take a batch of {} events ({}); pausing until it answers",
                    assembled.batch().events(), e.getMessage());
            resyncAll(ProjectorState.WAITING_FOR_POSTGRES, "Postgres: " + e.getMessage());
            return;
        }
        metrics.batch(System.nanoTime() - start, assembled.batch().events());
        assembled.types().forEach(metrics::applied);
        metrics.rejected(assembled.batch().rejected().size());
        assembled.batch().nextOffsets().forEach((partition, next) ->
                stored.put(new TopicPartition(settings.topic(), partition), next));
        eventsApplied += assembled.batch().events();
        lastBatchAt = clock.instant();
        retryDelayMs = 250;
        if (assembled.stalled().isEmpty()) {
            publish(ProjectorState.RUNNING, null);
        }
    }

    /** Pauses every assigned partition until its offset has been read from Postgres again. */
    private void resyncAll(ProjectorState state, String problem) {
        Set<TopicPartition> assigned = consumer.assignment();
        consumer.pause(assigned);
        unsynced.addAll(assigned);
        writer.partitions().forget();
        nextSyncAt = System.currentTimeMillis() + (state == ProjectorState.RUNNING ? 0 : retryDelayMs);
        retryDelayMs = Math.min(MAX_RETRY_MS, retryDelayMs * 2);
        publish(state, problem);
    }

    private void syncUnsynced() {
        if (unsynced.isEmpty() || System.currentTimeMillis() < nextSyncAt) {
            return;
        }
        Map<Integer, Long> offsets;
        try (Connection connection = database.getConnection()) {
            offsets = Offsets.read(connection, ProjectionSchema.LIVE, settings.topic());
            connection.rollback();
        } catch (SQLException e) {
            nextSyncAt = System.currentTimeMillis() + retryDelayMs;
            retryDelayMs = Math.min(MAX_RETRY_MS, retryDelayMs * 2);
            publish(ProjectorState.WAITING_FOR_POSTGRES, "Postgres: " + e.getMessage());
            return;
        }
        for (TopicPartition partition : unsynced) {
            Long next = offsets.get(partition.partition());
            if (next == null) {
                consumer.seekToBeginning(List.of(partition));
                stored.remove(partition);
            } else {
                consumer.seek(partition, next);
                stored.put(partition, next);
            }
        }
        consumer.resume(unsynced);
        LOG.info("resuming {} partition(s) of {} from the offsets stored in Postgres", unsynced.size(),
                settings.topic());
        unsynced.clear();
        publish(ProjectorState.RUNNING, null);
    }

    private void checkLag() {
        long now = System.currentTimeMillis();
        if (now < nextLagCheckAt) {
            return;
        }
        nextLagCheckAt = now + LAG_CHECK_MS;
        Set<TopicPartition> assigned = consumer.assignment();
        try {
            if (assigned.isEmpty()) {
                consumer.partitionsFor(settings.topic(), KAFKA_CHECK_TIMEOUT);
            } else {
                Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, KAFKA_CHECK_TIMEOUT);
                lag.clear();
                ends.forEach((partition, end) -> {
                    long behind = Math.max(0, end - stored.getOrDefault(partition, 0L));
                    lag.put(partition, behind);
                    metrics.lag(partition.partition(), behind);
                });
            }
            if (status.state() == ProjectorState.WAITING_FOR_KAFKA) {
                publish(ProjectorState.RUNNING, null);
            } else {
                publish(status.state(), status.problem());
            }
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            publish(ProjectorState.WAITING_FOR_KAFKA, "Kafka: " + e.getMessage());
        }
    }

    /** Drops audit partitions and counters past their retention; cheap, so every member does it. */
    private void maintain() {
        long now = System.currentTimeMillis();
        if (now < nextMaintenanceAt) {
            return;
        }
        nextMaintenanceAt = now + MAINTENANCE_MS;
        try (Connection connection = database.getConnection()) {
            int dropped = writer.partitions().dropBefore(connection, retention.firstAuditDay(clock));
            try (var delete = connection.prepareStatement("delete from " + ProjectionSchema.LIVE
                    + ".client_stats where minute < ?::timestamptz")) {
                delete.setString(1, retention.appendFrom(clock).stats().toString());
                int deleted = delete.executeUpdate();
                connection.commit();
                if (dropped > 0 || deleted > 0) {
                    LOG.info("retention: dropped {} audit partition(s), {} counter row(s)", dropped, deleted);
                }
            }
        } catch (SQLException e) {
            nextMaintenanceAt = now + LAG_CHECK_MS * 30;
            LOG.warn("retention maintenance postponed: {}", e.getMessage());
        }
    }

    private void publish(ProjectorState state, String problem) {
        Map<Integer, Long> lagByPartition = new TreeMap<>();
        lag.forEach((partition, behind) -> lagByPartition.put(partition.partition(), behind));
        Map<Integer, Long> offsets = new TreeMap<>();
        stored.forEach((partition, offset) -> offsets.put(partition.partition(), offset));
        metrics.paused(state != ProjectorState.RUNNING && state != ProjectorState.STOPPED);
        status = new ProjectorStatus(state, problem, Collections.unmodifiableMap(lagByPartition),
                Collections.unmodifiableMap(offsets), eventsApplied, lastBatchAt);
    }

    /** Runs inside {@code poll} on the projector thread. */
    private final class Assignments implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            consumer.pause(partitions);
            unsynced.addAll(partitions);
            nextSyncAt = 0;
            syncUnsynced();
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            forget(partitions);
        }

        private void forget(Collection<TopicPartition> partitions) {
            for (TopicPartition partition : partitions) {
                stored.remove(partition);
                unsynced.remove(partition);
                lag.remove(partition);
                metrics.lag(partition.partition(), 0);
            }
        }
    }
}
