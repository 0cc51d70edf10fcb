package edu.lanyard.projection.replay;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The {@code projection_replays} table, outside the swapped schema, where a replay leaves its progress for the
 * projection service's metrics and admin API (the replay may run in another process).
 */
final class ReplayStatusTable {
    private final Connection connection;

    ReplayStatusTable(Connection connection) {
        this.connection = connection;
    }

    void started(String id, Instant since, Instant at) throws SQLException {
        try (var insert = connection.prepareStatement("insert into projection_replays (replay_id, mode, since,"
                + " state, started_at, updated_at) values (?, ?, ?::timestamptz, 'running', ?::timestamptz,"
                + " ?::timestamptz)")) {
            insert.setString(1, id);
            insert.setString(2, since == null ? "from-beginning" : "since");
            insert.setString(3, since == null ? null : since.toString());
            insert.setString(4, at.toString());
            insert.setString(5, at.toString());
            insert.executeUpdate();
            connection.commit();
        }
    }

    void progress(String id, ReplayProgress progress) throws SQLException {
        try (var update = connection.prepareStatement("update projection_replays set events = ?, progress = ?,"
                + " updated_at = now() where replay_id = ?")) {
            update.setLong(1, progress.events());
            update.setDouble(2, progress.fraction());
            update.setString(3, id);
            update.executeUpdate();
            connection.commit();
        }
    }

    /** Best effort when failing: the replay's own error is what the caller needs to see. */
    void finished(String id, ReplayProgress progress, String error) {
        try (var update = connection.prepareStatement("update projection_replays set state = ?, events = ?,"
                + " progress = ?, error = ?, updated_at = now(), finished_at = now() where replay_id = ?")) {
            update.setString(1, progress.state());
            update.setLong(2, progress.events());
            update.setDouble(3, progress.fraction());
            update.setString(4, error);
            update.setString(5, id);
            update.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            org.slf4j.LoggerFactory.getLogger(ReplayStatusTable.class)
                    .warn("could not record the end of replay {}: {}", id, e.getMessage());
        }
    }
}
