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
 * What a loader needs to know about the restart: when the cluster formed, and whether the projector has applied
 * every event that was in the topic at that moment. Until it has, a miss may be a token the projector has not
 * written yet ({@link MissPolicy}); from then on the projections are final for everything issued before the restart.
 */
final class ColdStartWindow {
    private static final long EPOCH_WAIT_SECONDS = 30;
    private static final long CATCH_UP_TIMEOUT_MS = 5_000;
    private static final long CATCH_UP_POLL_MS = 20;
    private static final long CHECK_INTERVAL_NANOS = 50_000_000;

    private final CompletableFuture<ClusterEpoch> epoch = new CompletableFuture<>();
    private final String topic;
    private final DataSource database;
    private volatile boolean caughtUp;
    private long lastCheck = System.nanoTime() - CHECK_INTERVAL_NANOS;

    ColdStartWindow(String topic, DataSource database) {
        this.topic = topic;
        this.database = database;
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

    /**
     * Whether the projection has applied every event that was in the topic when the cluster formed. Asked by every
     * miss until it is true: the projections are read at most once per {@link #CHECK_INTERVAL_NANOS}, and every
     * other caller takes that answer, so a burst of misses after a restart does not queue for connections.
     */
    boolean caughtUpWithTheRestart() {
        if (caughtUp) {
            return true;
        }
        synchronized (this) {
            long now = System.nanoTime();
            if (!caughtUp && now - lastCheck >= CHECK_INTERVAL_NANOS) {
                lastCheck = now;
                caughtUp = reached(epoch().endOffsets());
            }
            return caughtUp;
        }
    }

    /**
     * Returns once the projection holds every event from before the restart.
     *
     * @throws IllegalStateException if it does not within a few seconds: the lookup then fails and the client is
     *                               told to retry, rather than given a wrong "not found"
     */
    void awaitCaughtUpWithTheRestart() {
        long deadline = System.currentTimeMillis() + CATCH_UP_TIMEOUT_MS;
        while (!caughtUpWithTheRestart()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the projector has not yet applied the events from before the"
                        + " restart; cannot look up what was issued before it yet");
            }
            try {
                Thread.sleep(CATCH_UP_POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the projector", e);
            }
        }
    }

    private boolean reached(Map<Integer, Long> ends) {
        Map<Integer, Long> stored;
        try (Connection connection = database.getConnection()) {
            stored = Offsets.read(connection, ProjectionSchema.LIVE, topic);
            connection.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException("the projections are unavailable: " + e.getSQLState(), e);
        }
        return ends.entrySet().stream().allMatch(end -> stored.getOrDefault(end.getKey(), 0L) >= end.getValue());
    }
}
