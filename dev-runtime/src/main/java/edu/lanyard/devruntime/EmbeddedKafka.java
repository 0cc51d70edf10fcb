package edu.lanyard.devruntime;

import edu.lanyard.devruntime.api.DevInfrastructure;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real Kafka broker inside this JVM: one KRaft node that is both broker and controller, listening on 127.0.0.1.
 * For {@code lanyard dev} (through {@link EmbeddedDevInfrastructure}) and for tests without Docker (through devkit).
 *
 * <p>Kafka logs through slf4j at info level under {@code kafka}, {@code org.apache.kafka} and
 * {@code state.change.logger}; set those to warn (for slf4j-simple: {@code org.slf4j.simpleLogger.log.kafka=warn}
 * etc. in {@code simplelogger.properties}, see this module's test resources).
 */
public final class EmbeddedKafka implements DevInfrastructure.EmbeddedBroker {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final Path dataDir;
    private final int brokerPort;
    private final int controllerPort;
    private KafkaRaftServer server;

    private EmbeddedKafka(Path dataDir, int brokerPort, int controllerPort) {
        this.dataDir = dataDir;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
    }

    /**
     * Formats {@code dataDir} unless it already holds a broker's data, then starts the broker and waits until it
     * serves clients. {@code port} 0 picks a free port; the controller always gets a free one.
     */
    public static EmbeddedKafka start(Path dataDir, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("not a port: " + port);
        }
        Path dir = dataDir.toAbsolutePath();
        int brokerPort = port == 0 ? LoopbackPorts.free() : port;
        int controllerPort = LoopbackPorts.freeOtherThan(brokerPort);
        KafkaStorage.formatIfNeeded(dir);
        EmbeddedKafka kafka = new EmbeddedKafka(dir, brokerPort, controllerPort);
        kafka.launch();
        return kafka;
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Shuts the broker down and releases its ports; clients then get connection errors. No-op if stopped. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        KafkaRaftServer stopping = server;
        server = null;
        stopping.shutdown();
        stopping.awaitShutdown();
    }

    /** Stops the broker if it runs, then starts it again on the same ports with the same data. */
    public synchronized void restart() {
        stop();
        launch();
    }

    /** Creates the topic with replication factor 1; does nothing if it already exists. */
    public void createTopic(String name, int partitions) {
        try (Admin admin = admin()) {
            await(admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all(), "create topic " + name);
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void launch() {
        long startedAt = System.nanoTime();
        // A fresh KafkaConfig per start: a running server registers its components in the config's dynamic part.
        KafkaConfig config = KafkaNodeConfig.combinedNode(dataDir, brokerPort, controllerPort);
        KafkaRaftServer starting = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            starting.startup();
        } catch (RuntimeException e) {
            try {
                starting.shutdown();
                starting.awaitShutdown();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        server = starting;
        awaitServingClients();
        LOG.info("Kafka broker ready at {} in {} ms (data in {})", bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt), dataDir);
    }

    private void awaitServingClients() {
        try (Admin admin = admin()) {
            await(admin.describeCluster().nodes(), "describe cluster");
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis()));
    }

    private <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot " + what + " on " + bootstrapServers() + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("timed out: " + what + " on " + bootstrapServers(), e);
        }
    }
}
