package edu.lanyard.projection.coldstart;

import com.hazelcast.map.EntryLoader;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers a miss in one hot map from the projections: after a full cluster restart the cluster starts empty and
 * fills itself key by key, so a restart takes the same time whether the projections hold a thousand tokens or a
 * million. Hazelcast calls it on its own offload threads, never on a partition thread or an event loop, so it uses
 * blocking JDBC.
 *
 * <p>Only what existed before the cluster formed is loaded: anything issued later was written to the cluster
 * itself, so its absence means it never existed or was removed, and the stores keep a removed entry as a marker
 * until it would have expired, so a miss never brings back something removed since the restart. Each query is
 * written against {@code p}: one row of the parameters {@code p.now}, {@code p.epoch} and {@code p.keys}, and
 * must select rows by {@code = any(p.keys)} on an indexed column: it runs once per miss.
 */
abstract class ProjectionLoader implements EntryLoader<String, String> {
    static final String PARAMETERS = "with p as (select ?::timestamptz as now, ?::timestamptz as epoch,"
            + " ?::text[] as keys) ";

    private final DataSource database;
    private final ColdStartWindow window;
    private final Clock clock;
    private final AbsentKeys absent = new AbsentKeys(AbsentKeys.DEFAULT_CAPACITY);

    ProjectionLoader(DataSource database, ColdStartWindow window, Clock clock) {
        this.database = database;
        this.window = window;
        this.clock = clock;
    }

    /** The map this loader fills, for messages. */
    abstract String mapName();

    abstract MissPolicy missPolicy();

    /** A query (after {@link #PARAMETERS}) whose first column is the key and whose rows are still valid. */
    abstract String query();

    /** The map value and its absolute expiry for the current row; the key is column 1. */
    abstract MetadataAwareValue<String> value(ResultSet row) throws SQLException;

    @Override
    public MetadataAwareValue<String> load(String key) {
        return loadAll(List.of(key)).get(key);
    }

    /**
     * Misses (Hazelcast batches them per partition). Once the projection holds every event from before the restart
     * a key it lacks is never going to appear there (later changes go to the cluster), so that answer is kept and
     * the same miss costs no query again.
     */
    @Override
    public Map<String, MetadataAwareValue<String>> loadAll(Collection<String> keys) {
        boolean settled = window.caughtUpWithTheRestart();
        if (!settled && missPolicy() == MissPolicy.FENCE_TO_RESTART) {
            window.awaitCaughtUpWithTheRestart();
            settled = true;
        }
        List<String> unknown = settled ? keys.stream().filter(key -> !absent.contains(key)).toList()
                : List.copyOf(keys);
        if (unknown.isEmpty()) {
            return Map.of();
        }
        Map<String, MetadataAwareValue<String>> found = query(unknown);
        if (settled) {
            unknown.stream().filter(key -> !found.containsKey(key)).forEach(absent::add);
        }
        return found;
    }

    /** No initial load: every entry comes back on its first miss. */
    @Override
    public Iterable<String> loadAllKeys() {
        return List.of();
    }

    private Map<String, MetadataAwareValue<String>> query(Collection<String> keys) {
        Map<String, MetadataAwareValue<String>> values = new HashMap<>();
        try (Connection connection = database.getConnection();
             PreparedStatement statement = prepare(connection, keys);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.put(rows.getString(1), value(rows));
            }
            connection.rollback();
        } catch (SQLException e) {
            // The message names the map, never a key: keys are token hashes and session cookie hashes.
            throw new IllegalStateException("cannot look up " + mapName() + " in the projections: "
                    + e.getSQLState(), e);
        }
        return values;
    }

    private PreparedStatement prepare(Connection connection, Collection<String> keys) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(PARAMETERS + query());
        statement.setString(1, clock.instant().toString());
        statement.setString(2, window.epoch().formedAt().toString());
        statement.setArray(3, connection.createArrayOf("text", keys.toArray()));
        return statement;
    }

    static MetadataAwareValue<String> expiringAt(String value, long epochSecond) {
        return new MetadataAwareValue<>(value, epochSecond * 1000);
    }
}
