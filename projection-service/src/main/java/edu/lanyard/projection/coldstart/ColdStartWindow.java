package edu.lanyard.projection.coldstart;

import edu.lanyard.projection.db.Offsets;
import edu.lanyard.projection.db.ProjectionSchema;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether a miss in a hot map may still be answered from the projections. The cluster loads everything valid when
 * it forms; what the projector had not written yet at that moment is found on miss, until the projection has
 * caught up with every event published before the formation. After that a miss means "not there", and Postgres is
 * not asked again, so lookups of unknown tokens cost nothing.
 */
final class ColdStartWindow {
    private static final long RECHECK_MS = 2_000;
    private static final long EPOCH_WAIT_SECONDS = 30;

    private final CompletableFuture<ClusterEpoch> epoch = new CompletableFuture<>();
    private final String topic;
    private volatile boolean caughtUp;
    private volatile long nextCheckAt;

    ColdStartWindow(String topic) {
        this.topic = topic;
    }

    void epochKnown(ClusterEpoch known) {
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

    boolean open(DataSource database) throws SQLException {
        if (caughtUp) {
            return false;
        }
        long now = System.currentTimeMillis();
        if (now < nextCheckAt) {
            return true;
        }
        Map<Integer, Long> stored;
        try (Connection connection = database.getConnection()) {
            stored = Offsets.read(connection, ProjectionSchema.LIVE, topic);
            connection.rollback();
        }
        boolean reached = epoch().endOffsets().entrySet().stream()
                .allMatch(end -> end.getValue() == 0 || stored.getOrDefault(end.getKey(), 0L) >= end.getValue());
        caughtUp = reached;
        nextCheckAt = now + RECHECK_MS;
        return !reached;
    }
}
