package edu.lanyard.projection;

import com.zaxxer.hikari.HikariDataSource;
import edu.lanyard.cluster.jose.SigningKeys;
import edu.lanyard.core.crypto.PasswordHasher;
import edu.lanyard.core.runtime.Platform;
import edu.lanyard.directory.db.PgPools;
import edu.lanyard.projection.admin.AdminApi;
import edu.lanyard.projection.admin.AdminCredentials;
import edu.lanyard.projection.consumer.Projector;
import edu.lanyard.projection.consumer.ProjectorSettings;
import edu.lanyard.projection.consumer.ProjectorStatus;
import edu.lanyard.projection.db.JdbcPools;
import edu.lanyard.projection.replay.Replay;
import io.micrometer.core.instrument.Gauge;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The projection service of one process: the projector thread, the operator API, in-process replays, and the
 * health and metrics that go with them.
 */
public final class ProjectionService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectionService.class);
    private static final long REPLAY_POLL_MS = 5_000;

    private final Platform platform;
    private final String kafkaBootstrap;
    private final HikariDataSource database;
    private final Pool pool;
    private final Projector projector;
    private final AdminApi admin;
    private final ExecutorService replayThread = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "lanyard-replay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean replaying = new AtomicBoolean();
    private final AtomicReference<Double> replayProgress = new AtomicReference<>(0.0);
    private final long replayPoller;

    private ProjectionService(Platform platform, String kafkaBootstrap, boolean runProjector,
                              SigningKeys signingKeys) {
        this.platform = platform;
        this.kafkaBootstrap = kafkaBootstrap;
        this.database = JdbcPools.create(platform.config().postgres(), "lanyard-projector", 2);
        database.setMetricRegistry(platform.meters());   // hikaricp_* meters, pool="lanyard-projector"
        this.pool = PgPools.create(platform.vertx(), platform.config().postgres());
        this.projector = runProjector
                ? new Projector(ProjectorSettings.of(platform.config(), kafkaBootstrap), database, platform.meters(),
                platform.clock()).start()
                : null;
        AdminCredentials credentials = new AdminCredentials(platform.config().admin(),
                PasswordHasher.fromConfig(platform.config().login()));
        // The console signs operators in with Lanyard's own tokens: the API is there for them even without credentials.
        this.admin = credentials.enabled() || platform.config().console().enabled()
                ? new AdminApi(platform, pool, credentials, projector == null ? null : projector::status,
                this::startReplay, signingKeys)
                : null;
        Gauge.builder("lanyard.projection.replay.progress", replayProgress, AtomicReference::get)
                .description("Fraction of the events a running replay has applied (0 when none runs)")
                .register(platform.meters());
        this.replayPoller = platform.vertx().setPeriodic(REPLAY_POLL_MS, id -> pollReplay());
    }

    /**
     * Starts the projector (unless {@code runProjector} is false: the operator API alone) and prepares the admin
     * routes. Blocking only briefly: the consumer joins its group on its own thread.
     */
    public static ProjectionService start(Platform platform, String kafkaBootstrap, boolean runProjector,
                                          SigningKeys signingKeys) {
        ProjectionService service = new ProjectionService(platform, kafkaBootstrap, runProjector, signingKeys);
        if (service.admin == null) {
            LOG.info("admin API disabled: set admin.user and admin.passwordHash, or admin.tokenHash");
        } else if (!platform.config().admin().enabled()) {
            LOG.info("admin API open to console operators only: set admin.user and admin.passwordHash, or"
                    + " admin.tokenHash, for the command line");
        }
        return service;
    }

    /**
     * Mounts the operator API if credentials are configured, else an {@code /admin} that answers it is disabled.
     * Called once per HTTP verticle.
     */
    public void mount(Router router) {
        if (admin != null) {
            admin.mount(router);
        } else {
            AdminApi.mountDisabled(router);
        }
    }

    /** Ready unless the projector cannot reach Postgres or Kafka, or waits at an event it cannot read. */
    public Future<?> health() {
        if (projector == null) {
            return Future.succeededFuture();
        }
        ProjectorStatus status = projector.status();
        return status.healthy() ? Future.succeededFuture()
                : Future.failedFuture(status.state().name().toLowerCase() + ": " + status.problem());
    }

    public ProjectorStatus status() {
        return projector == null ? null : projector.status();
    }

    private Future<Void> startReplay(Instant since) {
        if (!replaying.compareAndSet(false, true)) {
            return Future.failedFuture(new IllegalStateException("a replay is already running in this process"));
        }
        Promise<Void> started = Promise.promise();
        replayThread.execute(() -> {
            started.complete();
            try {
                new Replay(platform.config(), kafkaBootstrap, platform.clock(),
                        progress -> replayProgress.set(progress.fraction())).run(since);
            } catch (Exception e) {
                LOG.error("replay failed", e);
            } finally {
                replayProgress.set(0.0);
                replaying.set(false);
            }
        });
        return started.future();
    }

    /** A replay may run in another process (the CLI); its progress is in Postgres. */
    private void pollReplay() {
        if (replaying.get()) {
            return;
        }
        pool.query("select progress from projection_replays where state = 'running'"
                        + " and updated_at > now() - interval '5 minutes' order by started_at desc limit 1")
                .execute()
                .onSuccess(rows -> replayProgress.set(rows.size() == 0 ? 0.0 : rows.iterator().next().getDouble(0)))
                .onFailure(e -> LOG.debug("replay progress unavailable: {}", e.getMessage()));
    }

    @Override
    public void close() {
        platform.vertx().cancelTimer(replayPoller);
        if (projector != null) {
            projector.close();
        }
        replayThread.shutdownNow();
        pool.close();
        database.close();
    }
}
