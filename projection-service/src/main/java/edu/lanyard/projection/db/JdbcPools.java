package edu.lanyard.projection.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.directory.db.PostgresConnections;

/**
 * Blocking JDBC pools for the code that runs on its own threads (the projector, replays, Hazelcast map loaders);
 * event-loop code uses the Vert.x pool instead. Pools start without connecting, so a process can start while
 * Postgres is away, and fail a borrow after a few seconds rather than hang.
 */
import java.time.Duration;

public final class JdbcPools {
    private JdbcPools() {
    }

    public static HikariDataSource create(LanyardConfig.Postgres postgres, String name, int size) {
        return create(postgres, name, size, Duration.ofSeconds(3));
    }

    /**
     * @param waitForConnection how long a caller queues for a free connection before failing; the cold-start
     *                          loaders run one query per partition batch at once and must queue, not fail
     */
    public static HikariDataSource create(LanyardConfig.Postgres postgres, String name, int size,
                                          Duration waitForConnection) {
        PostgresConnections.check(postgres);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(PostgresConnections.jdbcUrl(postgres));
        config.setUsername(postgres.user());
        if (postgres.password() != null && !postgres.password().isEmpty()) {
            config.setPassword(postgres.password());
        }
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setAutoCommit(false);
        config.setConnectionTimeout(waitForConnection.toMillis());
        config.setValidationTimeout(1_000);
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("ApplicationName", name);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("connectTimeout", "5");
        config.addDataSourceProperty("socketTimeout", "60");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        return new HikariDataSource(config);
    }
}
