package edu.lanyard.devkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;

/**
 * Databases on a Postgres server that is already running (the machine's own at 127.0.0.1:5432 by default), for tests:
 * a fresh database per run, dropped afterwards. ({@code lanyard} itself creates its database in its migrations, when
 * {@code postgres.createDatabase} asks for it.)
 */
public final class LocalPostgres {
    private final String host;
    private final int port;
    private final String user;
    private final String password;

    public LocalPostgres(String host, int port, String user, String password) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    public static LocalPostgres fromEnvironment() {
        return new LocalPostgres(
                env("LANYARD_POSTGRES_HOST", "127.0.0.1"),
                Integer.parseInt(env("LANYARD_POSTGRES_PORT", "5432")),
                env("LANYARD_POSTGRES_USER", "postgres"),
                env("LANYARD_POSTGRES_PASSWORD", ""));
    }

    /** Creates {@code database} unless it exists; returns its coordinates. */
    public PostgresCoordinates ensureDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("unsafe database name: " + database);
        }
        try (Connection admin = connect("postgres");
             var exists = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (var rows = exists.executeQuery()) {
                if (!rows.next()) {
                    try (var create = admin.createStatement()) {
                        create.execute("create database " + database);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach Postgres at " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return new PostgresCoordinates(host, port, database, user, password);
    }

    /** A new, empty database with a unique name, for one test run. */
    public PostgresCoordinates freshDatabase(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return ensureDatabase(name);
    }

    public void dropDatabase(String database) {
        try (Connection admin = connect("postgres"); var drop = admin.createStatement()) {
            drop.execute("drop database if exists " + database + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop " + database + ": " + e.getMessage(), e);
        }
    }

    private Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (!password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "5");
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, props);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
