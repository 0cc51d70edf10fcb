package edu.lanyard.directory.db;

import edu.lanyard.core.config.LanyardConfig;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

import java.util.concurrent.TimeUnit;

/** Builds the non-blocking Postgres pool every service shares. */
public final class PgPools {
    static final int DEFAULT_POOL_SIZE = 16;
    static final int PIPELINING_LIMIT = 256;
    static final int CONNECT_TIMEOUT_MS = 5_000;
    /** How long a query may wait for a free connection before it fails instead of piling up. */
    static final int ACQUIRE_TIMEOUT_SECONDS = 10;
    static final int MAX_WAIT_QUEUE = 10_000;

    private PgPools() {
    }

    /** Blocking for a moment (it checks {@code postgres.sslRootCert}): call at start, off the event loop. */
    public static Pool create(Vertx vertx, LanyardConfig.Postgres postgres) {
        PostgresConnections.check(postgres);
        PoolOptions poolOptions = new PoolOptions()
                .setMaxSize(postgres.poolSize() > 0 ? postgres.poolSize() : DEFAULT_POOL_SIZE)
                .setMaxWaitQueueSize(MAX_WAIT_QUEUE)
                .setConnectionTimeout(ACQUIRE_TIMEOUT_SECONDS)
                .setConnectionTimeoutUnit(TimeUnit.SECONDS)
                .setIdleTimeout(5)
                .setIdleTimeoutUnit(TimeUnit.MINUTES)
                .setName("lanyard-" + postgres.database());
        return PgBuilder.pool()
                .with(poolOptions)
                .with(new NetClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MS).setTcpKeepAlive(true))
                .connectingTo(connectOptions(postgres, "lanyard"))
                .using(vertx)
                .build();
    }

    /**
     * Connection settings for one Postgres session, transport included ({@link PostgresConnections});
     * {@code applicationName} shows up in pg_stat_activity.
     */
    public static PgConnectOptions connectOptions(LanyardConfig.Postgres postgres, String applicationName) {
        return PostgresConnections.connectOptions(postgres, applicationName)
                .setPipeliningLimit(PIPELINING_LIMIT)
                .setCachePreparedStatements(true);
    }
}
