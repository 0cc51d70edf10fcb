package edu.lanyard.projection.replay;

import com.zaxxer.hikari.HikariDataSource;
import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.projection.consumer.BatchAssembler;
import edu.lanyard.projection.consumer.Retention;
import edu.lanyard.projection.db.AppendFrom;
import edu.lanyard.projection.db.AuditPartitions;
import edu.lanyard.projection.db.JdbcPools;
import edu.lanyard.projection.db.Offsets;
import edu.lanyard.projection.db.ProjectionSchema;
import edu.lanyard.projection.db.ProjectionWriter;
import edu.lanyard.projection.db.StaleOffsetsException;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import edu.lanyard.cluster.kafka.KafkaClientProperties;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Rebuilds the projections from the event topic into a fresh schema and swaps it in atomically.
 *
 * <p>From the beginning, the new tables hold exactly what the events say. With {@code since}, the topic is read from
 * that minute on; the state tables start as a copy of the live ones and the audit lines and counters before it are
 * carried over. Re-applying events to copied state changes nothing, because every state column merges
 * order-independently (see {@code Upsert}), so the result is the same as a replay from the beginning as long as the
 * topic still holds every event since that minute.
 *
 * <p>The swap: the replay locks the live offsets table (a running projector waits), reads the events that arrived
 * meanwhile, renames the schemas and commits. The live projector's next batch then fails its offset check against
 * the new tables and continues from the replay's offsets, so nothing is lost or applied twice across the swap.
 */
public final class Replay {
    private static final Logger LOG = LoggerFactory.getLogger(Replay.class);
    /** One replay at a time per database. */
    private static final long ADVISORY_LOCK = 0x4C616E7961726431L;
    private static final Duration POLL = Duration.ofMillis(500);
    /** Records are stamped when sent, just after the event's own time; look this far before {@code since}. */
    private static final Duration SEND_SLACK = Duration.ofMinutes(1);
    private static final int CATCH_UP_ROUNDS = 10;
    private static final Duration LIVE_WAIT = Duration.ofSeconds(60);
    private static final String[] STATE_TABLES = {"grants", "tokens", "sessions", "consents", "rejected_events"};

    private final LanyardConfig config;
    private final String bootstrapServers;
    private final Clock clock;
    private final Consumer<ReplayProgress> progress;

    public Replay(LanyardConfig config, String bootstrapServers, Clock clock, Consumer<ReplayProgress> progress) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.clock = clock;
        this.progress = progress;
    }

    /** @param since null to replay from the beginning */
    public ReplayProgress run(Instant since) throws SQLException, InterruptedException {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Instant from = since == null ? null : since.truncatedTo(ChronoUnit.MINUTES);
        try (HikariDataSource database = JdbcPools.create(config.postgres(), "lanyard-replay", 5);
             Connection session = database.getConnection()) {
            session.setAutoCommit(true);
            if (!tryLock(session)) {
                throw new IllegalStateException("another replay is running on this database");
            }
            try (Connection status = database.getConnection()) {
                ReplayRun run = new ReplayRun(id, from, database, status);
                return run.execute();
            } finally {
                unlock(session);
            }
        }
    }

    private static boolean tryLock(Connection session) throws SQLException {
        try (var lock = session.prepareStatement("select pg_try_advisory_lock(?)")) {
            lock.setLong(1, ADVISORY_LOCK);
            try (var rows = lock.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection session) throws SQLException {
        try (var unlock = session.prepareStatement("select pg_advisory_unlock(?)")) {
            unlock.setLong(1, ADVISORY_LOCK);
            unlock.execute();
        }
    }

    /** One replay's state: its schema, consumer and positions. */
    private final class ReplayRun {
        private final String id;
        private final Instant since;
        private final HikariDataSource database;
        private final ReplayStatusTable status;
        private final String schema;
        private final String topic = config.kafka().topic();
        private final ProjectionWriter writer;
        private final AppendFrom appendFrom;
        private final Map<Integer, Long> stored = new HashMap<>();
        private final Map<TopicPartition, Long> start = new HashMap<>();
        private Map<TopicPartition, Long> target = Map.of();
        private final Instant startedAt = clock.instant();
        private long events;
        private long lastReport;

        ReplayRun(String id, Instant since, HikariDataSource database, Connection statusConnection) {
            this.id = id;
            this.since = since;
            this.database = database;
            this.status = new ReplayStatusTable(statusConnection);
            this.schema = "projection_rebuild_" + id;
            this.writer = new ProjectionWriter(schema, topic);
            AppendFrom retained = new Retention(config.projection().auditRetentionDays(),
                    config.projection().statsRetentionDays()).appendFrom(clock);
            this.appendFrom = since == null ? retained : retained.notBefore(since);
        }

        ReplayProgress execute() throws SQLException, InterruptedException {
            status.started(id, since, startedAt);
            try (Connection connection = database.getConnection();
                 KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(),
                         new StringDeserializer(), new StringDeserializer())) {
                ProjectionSchema.cloneEmpty(connection, schema);
                connection.commit();
                assign(consumer);
                if (since != null) {
                    awaitLiveProjectionPast(consumer, connection);
                    carryOver(connection);
                }
                connection.commit();
                LOG.info("replay {}: rebuilding {} from {} into {}", id, topic,
                        since == null ? "the beginning" : since, schema);
                catchUp(consumer, connection);
                swap(consumer, connection);
                ReplayProgress done = snapshot("swapped", 1.0);
                status.finished(id, done, null);
                progress.accept(done);
                return done;
            } catch (SQLException | InterruptedException | RuntimeException e) {
                LOG.error("replay {} failed; the live projection is unchanged", id, e);
                dropQuietly(e);
                status.finished(id, snapshot("failed", fraction()), e.getMessage());
                throw e;
            }
        }

        private Properties consumerConfig() {
            Properties properties = new Properties();
            properties.putAll(KafkaClientProperties.of(config.kafka(), bootstrapServers));
            properties.put("enable.auto.commit", "false");
            properties.put("auto.offset.reset", "earliest");
            properties.put("max.poll.records", String.valueOf(Math.max(1, config.projection().maxBatch())));
            properties.put("client.id", "lanyard-replay-" + id);
            return properties;
        }

        private void assign(KafkaConsumer<String, String> consumer) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            if (since == null) {
                start.putAll(consumer.beginningOffsets(partitions));
            } else {
                Map<TopicPartition, Long> at = new HashMap<>();
                partitions.forEach(p -> at.put(p, since.minus(SEND_SLACK).toEpochMilli()));
                Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(at);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                partitions.forEach(p -> start.put(p, found.get(p) != null ? found.get(p).offset() : ends.get(p)));
            }
            start.forEach(consumer::seek);
        }

        /**
         * The audit lines and counters before {@code since} are copied from the live tables, so those must already
         * hold every event from before it: wait until the live projection has passed the records sent up to a
         * minute after {@code since}.
         */
        private void awaitLiveProjectionPast(KafkaConsumer<String, String> consumer, Connection connection)
                throws SQLException, InterruptedException {
            Map<TopicPartition, Long> at = new HashMap<>();
            start.keySet().forEach(p -> at.put(p, since.plus(SEND_SLACK).toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> after = consumer.offsetsForTimes(at);
            Map<TopicPartition, Long> ends = consumer.endOffsets(start.keySet());
            long deadline = System.nanoTime() + LIVE_WAIT.toNanos();
            while (true) {
                Map<Integer, Long> live = Offsets.read(connection, ProjectionSchema.LIVE, topic);
                connection.rollback();
                boolean past = start.keySet().stream().allMatch(p -> live.getOrDefault(p.partition(), 0L)
                        >= (after.get(p) != null ? after.get(p).offset() : ends.get(p)));
                if (past) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the live projection has not yet applied the events around "
                            + since + " (is a projector running?); replay from the beginning instead");
                }
                Thread.sleep(200);
            }
        }

        /** Copies the live state, and the audit lines and counters older than {@code since}. */
        private void carryOver(Connection connection) throws SQLException {
            String live = ProjectionSchema.LIVE;
            try (Statement copy = connection.createStatement()) {
                for (String table : STATE_TABLES) {
                    copy.execute("insert into " + schema + "." + table + " select * from " + live + "." + table);
                }
            }
            List<Instant> days = new ArrayList<>();
            try (var query = connection.prepareStatement("select distinct to_char(at at time zone 'UTC',"
                    + " 'YYYY-MM-DD') from " + live + ".audit_log where at < ?::timestamptz")) {
                query.setString(1, since.toString());
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        days.add(LocalDate.parse(rows.getString(1)).atStartOfDay(ZoneOffset.UTC).toInstant());
                    }
                }
            }
            connection.commit();
            new AuditPartitions(schema).ensure(connection, days);
            try (var audit = connection.prepareStatement("insert into " + schema + ".audit_log select * from "
                    + live + ".audit_log where at < ?::timestamptz");
                 var stats = connection.prepareStatement("insert into " + schema + ".client_stats select * from "
                         + live + ".client_stats where minute < ?::timestamptz")) {
                audit.setString(1, since.toString());
                audit.executeUpdate();
                stats.setString(1, since.toString());
                stats.executeUpdate();
            }
        }

        private void consumeUntilTarget(KafkaConsumer<String, String> consumer, Connection connection)
                throws SQLException, InterruptedException {
            while (behind(consumer)) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("replay " + id + " interrupted");
                }
                ConsumerRecords<String, String> records = consumer.poll(POLL);
                if (records.isEmpty()) {
                    continue;
                }
                BatchAssembler.Assembled assembled = BatchAssembler.assemble(records);
                if (!assembled.stalled().isEmpty()) {
                    var stall = assembled.stalled().values().iterator().next();
                    throw new IllegalStateException("cannot replay: " + stall.reason().getMessage());
                }
                try {
                    writer.write(connection, assembled.batch(), stored, appendFrom);
                } catch (StaleOffsetsException e) {
                    throw new IllegalStateException("something else writes into " + schema, e);
                }
                stored.putAll(assembled.batch().nextOffsets());
                events += assembled.batch().events();
                report();
            }
        }

        /**
         * Reads to the end of the topic, again and again while events keep arriving, until what is left is small
         * enough to read while the live projector waits for the swap.
         */
        private void catchUp(KafkaConsumer<String, String> consumer, Connection connection)
                throws SQLException, InterruptedException {
            for (int round = 0; round < CATCH_UP_ROUNDS; round++) {
                target = consumer.endOffsets(start.keySet());
                consumeUntilTarget(consumer, connection);
                long left = consumer.endOffsets(start.keySet()).entrySet().stream()
                        .mapToLong(end -> end.getValue() - consumer.position(end.getKey())).sum();
                if (left <= config.projection().maxBatch()) {
                    return;
                }
            }
        }

        private boolean behind(KafkaConsumer<String, String> consumer) {
            return target.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue());
        }

        private void swap(KafkaConsumer<String, String> consumer, Connection connection)
                throws SQLException, InterruptedException {
            try (Connection swap = database.getConnection(); Statement statement = swap.createStatement()) {
                statement.execute("set local lock_timeout = '60s'");
                statement.execute("lock table " + ProjectionSchema.LIVE
                        + ".projection_offsets in access exclusive mode");
                // The live projector is held off now; read what it would have applied meanwhile.
                target = consumer.endOffsets(start.keySet());
                consumeUntilTarget(consumer, connection);
                Map<Integer, Long> positions = new TreeMap<>();
                target.keySet().forEach(p -> positions.put(p.partition(), consumer.position(p)));
                Offsets.writeAll(connection, schema, topic, positions);
                connection.commit();
                String retired = "projection_retired_" + id;
                ProjectionSchema.swapIn(swap, schema, retired);
                swap.commit();
                LOG.info("replay {}: swapped in {} events up to offsets {}", id, events, positions);
                swap.setAutoCommit(true);
                if (!ProjectionSchema.dropRetired(swap, retired)) {
                    LOG.warn("replay {}: the retired schema {} is still in use; drop it later", id, retired);
                }
            }
        }

        private void report() throws SQLException {
            long now = System.currentTimeMillis();
            if (now - lastReport < 1_000) {
                return;
            }
            lastReport = now;
            ReplayProgress current = snapshot("running", fraction());
            status.progress(id, current);
            progress.accept(current);
        }

        private double fraction() {
            long total = 0;
            long done = 0;
            for (Map.Entry<TopicPartition, Long> end : target.entrySet()) {
                long first = start.getOrDefault(end.getKey(), 0L);
                total += Math.max(0, end.getValue() - first);
                done += Math.max(0, Math.min(end.getValue(), stored.getOrDefault(end.getKey().partition(), first))
                        - first);
            }
            return total == 0 ? 1.0 : (double) done / total;
        }

        private ReplayProgress snapshot(String state, double fraction) {
            return new ReplayProgress(id, state, since, events, fraction, startedAt,
                    Duration.between(startedAt, clock.instant()));
        }

        private void dropQuietly(Exception cause) {
            try (Connection connection = database.getConnection()) {
                ProjectionSchema.drop(connection, schema);
                connection.commit();
            } catch (SQLException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
