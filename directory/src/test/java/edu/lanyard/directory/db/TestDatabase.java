package edu.lanyard.directory.db;

import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.devkit.LocalPostgres;
import edu.lanyard.devkit.PostgresCoordinates;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** A fresh, migrated database on the local Postgres for one test class; dropped on close. */
public final class TestDatabase implements AutoCloseable {
    private final LocalPostgres server = LocalPostgres.fromEnvironment();
    private final PostgresCoordinates coordinates;
    private final LanyardConfig.Postgres config;

    private TestDatabase(boolean migrate) {
        coordinates = server.freshDatabase("lanyard_test");
        config = new LanyardConfig.Postgres(coordinates.host(), coordinates.port(), coordinates.database(),
                coordinates.user(), coordinates.password(), 4, false, "prefer", "");
        if (migrate) {
            Migrations.apply(config);
        }
    }

    public static TestDatabase migrated() {
        return new TestDatabase(true);
    }

    public static TestDatabase empty() {
        return new TestDatabase(false);
    }

    public LanyardConfig.Postgres config() {
        return config;
    }

    /** A plain JDBC connection, for arranging and checking rows independently of the code under test. */
    public Connection jdbc() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", coordinates.user());
        if (!coordinates.password().isEmpty()) {
            props.setProperty("password", coordinates.password());
        }
        return DriverManager.getConnection(coordinates.jdbcUrl(), props);
    }

    /** Runs SQL without firing the NOTIFY triggers, as if the change happened while a listener was away. */
    public void executeSilently(String sql) throws SQLException {
        try (Connection c = jdbc(); var st = c.createStatement()) {
            st.execute("set session_replication_role = replica");
            st.execute(sql);
        }
    }

    public void execute(String sql) throws SQLException {
        try (Connection c = jdbc(); var st = c.createStatement()) {
            st.execute(sql);
        }
    }

    public int sessions(String applicationName) throws SQLException {
        try (Connection c = jdbc(); var st = c.prepareStatement("select count(*) from pg_stat_activity"
                + " where datname = current_database() and application_name = ?")) {
            st.setString(1, applicationName);
            try (var rows = st.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** Kills the backend of every session with this application_name; returns how many. */
    public int terminateSessions(String applicationName) throws SQLException {
        try (Connection c = jdbc(); var st = c.prepareStatement(
                "select count(pg_terminate_backend(pid)) from pg_stat_activity"
                        + " where datname = current_database() and application_name = ?")) {
            st.setString(1, applicationName);
            try (var rows = st.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    @Override
    public void close() {
        server.dropDatabase(coordinates.database());
    }
}
