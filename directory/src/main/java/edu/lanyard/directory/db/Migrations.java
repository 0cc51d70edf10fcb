package edu.lanyard.directory.db;

import edu.lanyard.core.config.LanyardConfig;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Brings the schema up to date with Flyway over JDBC. Blocking: call it before Vert.x starts, or through
 * {@link #applyOnWorker}.
 */
public final class Migrations {
    static final String LOCATION = "classpath:db/migration";
    private static final String DUPLICATE_DATABASE = "42P04";

    private Migrations() {
    }

    /** Applies pending migrations; returns how many ran. Creates the database first if the config asks for it. */
    public static int apply(LanyardConfig.Postgres postgres) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("Migrations.apply blocks; run it on a worker thread, not an event loop");
        }
        PostgresConnections.check(postgres);
        if (postgres.createDatabase()) {
            createDatabaseIfMissing(postgres);
        }
        try {
            return Flyway.configure()
                    .dataSource(PostgresConnections.jdbcUrl(postgres), postgres.user(), postgres.password())
                    .locations(LOCATION)
                    .load()
                    .migrate()
                    .migrationsExecuted;
        } catch (FlywayException e) {
            // The first connection of every start: a transport that cannot work is reported here, in one line.
            throw PostgresConnections.explain(postgres, "migrate database " + postgres.database(), e);
        }
    }

    public static Future<Integer> applyOnWorker(Vertx vertx, LanyardConfig.Postgres postgres) {
        return vertx.executeBlocking(() -> apply(postgres));
    }

    private static void createDatabase(Connection admin, String database) throws SQLException {
        try (var create = admin.createStatement()) {
            create.execute("create database " + database);
        } catch (SQLException e) {
            // another node starting at the same moment may have created it between our check and our create
            if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private static void createDatabaseIfMissing(LanyardConfig.Postgres postgres) {
        String database = postgres.database();
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("refusing to create a database with this name: " + database);
        }
        String adminUrl = PostgresConnections.jdbcUrl(postgres, "postgres");
        Properties props = new Properties();
        props.setProperty("user", postgres.user());
        if (postgres.password() != null && !postgres.password().isEmpty()) {
            props.setProperty("password", postgres.password());
        }
        try (Connection admin = DriverManager.getConnection(adminUrl, props);
             var exists = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (var rows = exists.executeQuery()) {
                if (!rows.next()) {
                    createDatabase(admin, database);
                }
            }
        } catch (SQLException e) {
            throw PostgresConnections.explain(postgres, "create database " + database, e);
        }
    }
}
