package edu.lanyard.projection.coldstart;

import com.hazelcast.map.EntryLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads one hot map from the projections after a cold start. Hazelcast calls it on its own threads (map store
 * calls are offloaded from the partition threads), so it uses blocking JDBC and never touches an event loop.
 *
 * <p>Only what existed before the cluster formed is loaded: anything issued later was written to the cluster
 * itself, so its absence means it was removed (revoked, logged out) and must stay absent even if the projector
 * has not written the removal yet. Each query is written against {@code p}: one row of the parameters
 * {@code p.now}, {@code p.epoch} and {@code p.keys} (null: every key).
 */
abstract class ProjectionLoader implements EntryLoader<String, String> {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectionLoader.class);
    static final String PARAMETERS = "with p as (select ?::timestamptz as now, ?::timestamptz as epoch,"
            + " ?::text[] as keys) ";
    private static final int KEY_LOAD_ATTEMPTS = 3;

    private final DataSource database;
    private final ColdStartWindow window;

    ProjectionLoader(DataSource database, ColdStartWindow window) {
        this.database = database;
        this.window = window;
    }

    /** The map this loader fills, for logs. */
    abstract String mapName();

    abstract MissPolicy missPolicy();

    /** A query (after {@link #PARAMETERS}) whose first column is the key and whose rows are still valid. */
    abstract String query();

    /** The map value and its absolute expiry for the current row; the key is column 1. */
    abstract MetadataAwareValue<String> value(ResultSet row) throws SQLException;

    /** A miss: answered from Postgres only while the projections may hold something the cluster lacks. */
    @Override
    public MetadataAwareValue<String> load(String key) {
        return loadAll(List.of(key)).get(key);
    }

    /** The initial load of the keys from {@link #loadAllKeys} in batches, a top-up, or misses. */
    @Override
    public Map<String, MetadataAwareValue<String>> loadAll(Collection<String> keys) {
        ColdStartWindow.Phase phase = window.phase();
        if (phase == ColdStartWindow.Phase.CLOSED) {
            return Map.of();
        }
        if (phase == ColdStartWindow.Phase.FENCED) {
            switch (missPolicy()) {
                case FENCE_TO_NOW -> window.fence();
                case FENCE_TO_RESTART -> window.awaitCaughtUpWithTheRestart();
                case AS_PROJECTED -> {
                }
            }
        }
        try {
            return query(keys);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load " + mapName() + " from the projections: "
                    + e.getMessage(), e);
        }
    }

    /** The keys valid in the projections now, for the top-up. */
    List<String> validKeys() throws SQLException {
        return keys();
    }

    @Override
    public Iterable<String> loadAllKeys() {
        SQLException last = null;
        for (int attempt = 1; attempt <= KEY_LOAD_ATTEMPTS; attempt++) {
            try {
                List<String> keys = keys();
                LOG.info("cold start: {} entries of {} are valid in the projections", keys.size(), mapName());
                return keys;
            } catch (SQLException e) {
                last = e;
                LOG.warn("cold start: listing {} failed (attempt {}): {}", mapName(), attempt, e.getMessage());
                sleep(attempt * 1_000L);
            }
        }
        throw new IllegalStateException("cannot list " + mapName() + " in the projections", last);
    }

    private List<String> keys() throws SQLException {
        List<String> keys = new ArrayList<>();
        try (Connection connection = database.getConnection();
             PreparedStatement statement = prepare(connection, null);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
            connection.rollback();
        }
        return keys;
    }

    private Map<String, MetadataAwareValue<String>> query(Collection<String> keys) throws SQLException {
        Map<String, MetadataAwareValue<String>> values = new HashMap<>();
        try (Connection connection = database.getConnection();
             PreparedStatement statement = prepare(connection, keys);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.put(rows.getString(1), value(rows));
            }
            connection.rollback();
        }
        return values;
    }

    private PreparedStatement prepare(Connection connection, Collection<String> keys) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(PARAMETERS + query());
        statement.setString(1, Instant.now().toString());
        statement.setString(2, window.epoch().formedAt().toString());
        if (keys == null) {
            statement.setNull(3, java.sql.Types.ARRAY);
        } else {
            statement.setArray(3, connection.createArrayOf("text", keys.toArray()));
        }
        return statement;
    }

    static MetadataAwareValue<String> expiringAt(String value, long epochSecond) {
        return new MetadataAwareValue<>(value, epochSecond * 1000);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
