package edu.lanyard.projection.coldstart;

import edu.lanyard.projection.db.Offsets;
import edu.lanyard.projection.db.ProjectionSchema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether, and how, a miss in a hot map may be answered from the projections.
 *
 * <ol>
 *   <li>{@link Phase#LOADING}: the new cluster loads everything the projections hold as valid.</li>
 *   <li>{@link Phase#FENCED}: the projector may still be writing events from before the restart, so a miss can be a
 *   token the cluster has not loaded yet. It is looked up in Postgres once the projection is far enough for the
 *   answer to be right ({@link MissPolicy}): up to the miss, so that nothing revoked since comes back, or up to the
 *   restart.</li>
 *   <li>{@link Phase#CLOSED}: once the projection caught up with the restart, everything still missing was loaded in
 *   one pass (the top-up); from then on a miss means "not there" and costs nothing.</li>
 * </ol>
 */
final class ColdStartWindow {
    enum Phase { LOADING, FENCED, CLOSED }

    private static final long EPOCH_WAIT_SECONDS = 30;
    private static final long FENCE_TIMEOUT_MS = 5_000;
    private static final long FENCE_POLL_MS = 20;

    private final CompletableFuture<ClusterEpoch> epoch = new CompletableFuture<>();
    private final String topic;
    private final DataSource database;
    private volatile Phase phase = Phase.LOADING;
    private volatile Admin kafka;
    private volatile boolean caughtUp;

    ColdStartWindow(String topic, DataSource database) {
        this.topic = topic;
        this.database = database;
    }

    void epochKnown(ClusterEpoch known, Admin kafkaAdmin) {
        this.kafka = kafkaAdmin;
        epoch.complete(known);
    }

    /** Waits for the member to learn the epoch: loaders can be called while it is still joining. */
    ClusterEpoch epoch() {
        try {
            return epoch.get(EPOCH_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the cluster epoch", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("this member never learned when its cluster formed", e);
        }
    }

    Phase phase() {
        return phase;
    }

    void enter(Phase next) {
        if (next.ordinal() > phase.ordinal()) {
            phase = next;
        }
    }

    /** Whether the projection has applied every event that was in the topic when the cluster formed. */
    boolean caughtUpWithTheRestart() throws SQLException {
        if (!caughtUp) {
            caughtUp = reached(epoch().endOffsets());
        }
        return caughtUp;
    }

    /**
     * Returns once the projection holds every event from before the restart.
     *
     * @throws IllegalStateException if it does not within a few seconds
     */
    void awaitCaughtUpWithTheRestart() {
        awaitReached(null);
    }

    /**
     * Returns once the projector has applied every event published until now.
     *
     * @throws IllegalStateException if it does not within a few seconds (the lookup is then answered with an
     *                               error, and the client retries, rather than with a wrong "not found")
     */
    void fence() {
        awaitReached(endOffsets());
    }

    /** @param target offsets to reach, or null for those of the restart */
    private void awaitReached(Map<Integer, Long> target) {
        long deadline = System.currentTimeMillis() + FENCE_TIMEOUT_MS;
        try {
            while (target == null ? !caughtUpWithTheRestart() : !reached(target)) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("the projector is more than " + FENCE_TIMEOUT_MS
                            + " ms behind; cannot look up a token issued before the restart yet");
                }
                Thread.sleep(FENCE_POLL_MS);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the projections are unavailable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the projector", e);
        }
    }

    private boolean reached(Map<Integer, Long> ends) throws SQLException {
        Map<Integer, Long> stored;
        try (Connection connection = database.getConnection()) {
            stored = Offsets.read(connection, ProjectionSchema.LIVE, topic);
            connection.rollback();
        }
        return ends.entrySet().stream().allMatch(end -> stored.getOrDefault(end.getKey(), 0L) >= end.getValue());
    }

    private Map<Integer, Long> endOffsets() {
        Admin admin = kafka;
        if (admin == null) {
            throw new IllegalStateException("no Kafka client to read the end of " + topic);
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        epoch().endOffsets().keySet().forEach(p -> latest.put(new TopicPartition(topic, p), OffsetSpec.latest()));
        try {
            Map<Integer, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS)
                    .forEach((partition, info) -> ends.put(partition.partition(), info.offset()));
            return ends;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the end of " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka does not answer; cannot look up a token issued before the"
                    + " restart yet: " + e.getMessage(), e);
        }
    }
}
