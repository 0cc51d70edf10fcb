package edu.lanyard.launcher;

import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.core.logging.LogRedactor;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How a serving node stops (SIGTERM from Kubernetes, systemd or {@code docker stop}; Ctrl-C), so that a rolling
 * restart fails no request and loses no token:
 * <ol>
 *   <li>readiness answers 503 and every answer asks its client to close the connection, while everything is still
 *       served for {@code http.shutdownDelaySeconds}: load balancers take the node out before its port closes;</li>
 *   <li>the port closes to new connections and the requests already received are answered, for at most
 *       {@code http.drainTimeoutSeconds};</li>
 *   <li>the projector stops (its position is in Postgres);</li>
 *   <li>the event producer sends what it still holds;</li>
 *   <li>the Hazelcast member leaves gracefully, handing its partitions to the others first (never
 *       {@code terminate()}, which would leave entries with one copy fewer);</li>
 *   <li>the pools close.</li>
 * </ol>
 * One log line per stage, naming nothing but counts and durations.
 */
final class GracefulShutdown {
    private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);
    /** What a stage may take beyond its own configured bound before the stop goes on without it. */
    private static final long MARGIN_SECONDS = 10;

    private final Node node;
    private final Infrastructure infrastructure;
    private final LanyardConfig.Http http;
    private final boolean clientOfACluster;

    GracefulShutdown(LanyardConfig config, Node node, Infrastructure infrastructure) {
        this.node = node;
        this.infrastructure = infrastructure;
        this.http = config.http();
        this.clientOfACluster = config.hazelcast().client();
    }

    /** Runs every stage in order; answers the exit code: 0 when each of them completed. */
    int run() {
        long started = System.nanoTime();
        boolean clean = true;
        node.stopTakingTraffic();
        if (http.shutdownDelaySeconds() > 0) {
            LOG.info("shutdown: /health/ready answers 503 and answers close their connections; serving on for {} s"
                    + " so load balancers stop sending here", http.shutdownDelaySeconds());
        } else {
            LOG.info("shutdown: /health/ready answers 503 (http.shutdownDelaySeconds is 0: no wait for load"
                    + " balancers)");
        }
        try {
            Thread.sleep(TimeUnit.SECONDS.toMillis(http.shutdownDelaySeconds()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }

        LOG.info("shutdown: port closed to new connections; {} request(s) in flight get up to {} s to finish",
                node.requestsInFlight(), http.drainTimeoutSeconds());
        long draining = System.nanoTime();
        clean &= await("draining requests", node.drainHttp(), http.drainTimeoutSeconds() + MARGIN_SECONDS);
        long drainedMs = millisSince(draining);
        if (drainedMs >= TimeUnit.SECONDS.toMillis(http.drainTimeoutSeconds()) && http.drainTimeoutSeconds() > 0) {
            LOG.warn("shutdown: http.drainTimeoutSeconds ({} s) passed; requests still unanswered were cut off",
                    http.drainTimeoutSeconds());
        } else {
            LOG.info("shutdown: every request answered ({} ms)", drainedMs);
        }

        if (!node.backgroundServices().isEmpty()) {
            clean &= step("stopping " + node.backgroundServices(), node::stopBackground);
            LOG.info("shutdown: stopped {}", node.backgroundServices());
        }
        clean &= await("flushing the event producer", node.flushEvents(), MARGIN_SECONDS);
        LOG.info("shutdown: event producer flushed and closed");

        clean &= step("leaving the Hazelcast cluster", () -> {
            node.stopWatchingKeys();
            if (clientOfACluster) {
                infrastructure.leaveCluster();
                LOG.info("shutdown: Hazelcast client closed");
                return;
            }
            int others = infrastructure.hazelcast().getCluster().getMembers().size() - 1;
            long leaving = System.nanoTime();
            infrastructure.leaveCluster();
            if (others > 0) {
                LOG.info("shutdown: left the Hazelcast cluster gracefully, partitions handed to {} other member(s)"
                        + " ({} ms)", others, millisSince(leaving));
            } else {
                LOG.info("shutdown: left the Hazelcast cluster, the last member ({} ms); a new cluster reloads"
                        + " from the projections", millisSince(leaving));
            }
        });

        clean &= await("closing the Postgres pool", node.closePool(), MARGIN_SECONDS);
        clean &= await("closing Vert.x", node.closeVertx(), MARGIN_SECONDS);
        clean &= step("closing the cold-start pool and the broker", infrastructure::close);
        LOG.info("shutdown: pools closed; stopped {} in {} ms", clean ? "cleanly" : "with the errors above",
                millisSince(started));
        return clean ? 0 : 1;
    }

    private static boolean await(String what, Future<?> stage, long seconds) {
        try {
            stage.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            LOG.error("shutdown: {} did not finish within {} s; going on", what, seconds);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.error("shutdown: interrupted while {}", what);
            return false;
        } catch (Exception e) {
            LOG.error("shutdown: {} failed: {}", what, message(e instanceof ExecutionException ? e.getCause() : e));
            return false;
        }
    }

    private static boolean step(String what, Runnable stage) {
        try {
            stage.run();
            return true;
        } catch (RuntimeException e) {
            LOG.error("shutdown: {} failed: {}", what, message(e));
            return false;
        }
    }

    /** Library messages may quote what they were given. */
    private static String message(Throwable failure) {
        return LogRedactor.redact(String.valueOf(failure));
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }
}
