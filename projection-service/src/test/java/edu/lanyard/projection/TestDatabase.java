package edu.lanyard.projection;

import com.zaxxer.hikari.HikariDataSource;
import edu.lanyard.core.config.ConfigLoader;
import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.devkit.PostgresCoordinates;
import edu.lanyard.devkit.TestInfrastructure;
import edu.lanyard.directory.db.Migrations;
import edu.lanyard.projection.db.JdbcPools;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A fresh, migrated database on the test Postgres, with a JDBC pool and a way to read tables back. */
final class TestDatabase implements AutoCloseable {
    private final LanyardConfig config;
    private final HikariDataSource pool;

    private TestDatabase(LanyardConfig config) {
        this.config = config;
        this.pool = JdbcPools.create(config.postgres(), "projection-test", 4);
    }

    static TestDatabase migrated() {
        PostgresCoordinates db = TestInfrastructure.shared().freshDatabase();
        LanyardConfig config = ConfigLoader.load(null, Map.of(
                "LANYARD_POSTGRES_HOST", db.host(),
                "LANYARD_POSTGRES_PORT", String.valueOf(db.port()),
                "LANYARD_POSTGRES_DATABASE", db.database(),
                "LANYARD_POSTGRES_USER", db.user(),
                "LANYARD_POSTGRES_PASSWORD", db.password(),
                "LANYARD_POSTGRES_CREATE_DATABASE", "false"));
        Migrations.apply(config.postgres());
        return new TestDatabase(config);
    }

    LanyardConfig config() {
        return config;
    }

    Connection connection() throws SQLException {
        return pool.getConnection();
    }

    HikariDataSource pool() {
        return pool;
    }

    /** Every row of a query as column → value maps, in the query's order. */
    List<Map<String, Object>> rows(String sql) throws SQLException {
        try (Connection connection = connection(); var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rows.getMetaData();
            List<Map<String, Object>> all = new ArrayList<>();
            while (rows.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = rows.getObject(i);
                    row.put(meta.getColumnName(i), value instanceof java.sql.Array array
                            ? List.of((Object[]) array.getArray()) : value == null ? null : value.toString());
                }
                all.add(row);
            }
            connection.rollback();
            return all;
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = connection(); var statement = connection.createStatement()) {
            statement.execute(sql);
            connection.commit();
        }
    }

    /** The projection tables of a schema, each in a fixed order, for comparing two projections. */
    Map<String, List<Map<String, Object>>> projection(String schema) throws SQLException {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        tables.put("grants", rows("select * from " + schema + ".grants order by grant_id"));
        tables.put("tokens", rows("select * from " + schema + ".tokens order by token_hash"));
        tables.put("sessions", rows("select * from " + schema + ".sessions order by session_hash"));
        tables.put("consents", rows("select * from " + schema + ".consents order by subject, client_id"));
        tables.put("audit_log", rows("select * from " + schema + ".audit_log order by at, event_id"));
        tables.put("client_stats", rows("select * from " + schema + ".client_stats order by client_id, minute"));
        return tables;
    }

    @Override
    public void close() {
        pool.close();
    }
}
