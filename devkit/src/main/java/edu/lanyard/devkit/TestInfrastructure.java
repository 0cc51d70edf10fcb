package edu.lanyard.devkit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The real Kafka broker and Postgres server that tests in every module share, one of each per JVM, each started on
 * first use. With a Docker engine they run in Testcontainers; without one, Kafka runs in this JVM
 * ({@link edu.lanyard.devruntime.EmbeddedKafka}, the broker of {@code lanyard dev}) and databases are created on the
 * machine's Postgres ({@link LocalPostgres#fromEnvironment()}). Everything is torn down when the JVM exits.
 */
public final class TestInfrastructure {
    private static final Logger LOG = LoggerFactory.getLogger(TestInfrastructure.class);
    private static final String DATABASE_PREFIX = "lanyard_test";
    private static TestInfrastructure shared;

    private final boolean docker;
    private final Set<String> databases = ConcurrentHashMap.newKeySet();
    private static final long USERS_CLOSE_TIMEOUT_SECONDS = 15;
    private final Deque<AutoCloseable> users = new ArrayDeque<>();
    private TestKafka kafka;
    private TestPostgres postgres;

    private TestInfrastructure(boolean docker) {
        this.docker = docker;
    }

    public static synchronized TestInfrastructure shared() {
        if (shared == null) {
            boolean docker = DockerClientFactory.instance().isDockerAvailable();
            LOG.info(docker ? "Docker found: tests use Kafka and Postgres containers"
                    : "no Docker engine: tests use an embedded Kafka broker and the local Postgres");
            shared = new TestInfrastructure(docker);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::tearDown, "lanyard-test-infrastructure-teardown"));
        }
        return shared;
    }

    public boolean usesContainers() {
        return docker;
    }

    public String kafkaBootstrap() {
        return kafka().bootstrapServers();
    }

    /**
     * Takes the shared broker away (sends fail) for fault-injection tests. Other tests in this JVM share it: call
     * {@link #startKafka()} in a {@code finally} block.
     */
    public void stopKafka() {
        kafka().stop();
    }

    /** Brings the broker back after {@link #stopKafka()}, same address, data kept. No-op if it runs. */
    public void startKafka() {
        kafka().start();
    }

    /**
     * Closes {@code user} (a test server, a client) when the JVM exits, before its databases are dropped and the broker
     * stops. One ordered teardown instead of a shutdown hook each: hooks run concurrently, so a server closing while
     * the broker under it stopped would wait on its sends, and a database could be dropped while still in use.
     */
    public synchronized void closeAtExit(AutoCloseable user) {
        users.push(user);
    }

    /** A new, empty database on every call; all of them are dropped when the JVM exits. */
    public PostgresCoordinates freshDatabase() {
        PostgresCoordinates database = postgres().server().freshDatabase(DATABASE_PREFIX);
        databases.add(database.database());
        return database;
    }

    private synchronized TestKafka kafka() {
        if (kafka == null) {
            kafka = docker ? ContainerTestKafka.startNew() : EmbeddedTestKafka.startNew();
        }
        return kafka;
    }

    private synchronized TestPostgres postgres() {
        if (postgres == null) {
            postgres = docker ? ContainerTestPostgres.startNew() : new TestPostgres.Existing(LocalPostgres.fromEnvironment());
        }
        return postgres;
    }

    private synchronized void tearDown() {
        closeUsers();
        if (postgres != null) {
            databases.forEach(this::dropQuietly);
            closeQuietly(postgres, "Postgres");
        }
        if (kafka != null) {
            closeQuietly(kafka, "Kafka");
        }
    }

    /**
     * Closes every registered user at once and waits for them, at most {@link #USERS_CLOSE_TIMEOUT_SECONDS}: each
     * server's close waits on its own Hazelcast member and producer, and one after another they would outlast the
     * time the test runner gives a JVM to exit.
     */
    private void closeUsers() {
        List<Thread> closing = new ArrayList<>();
        while (!users.isEmpty()) {
            AutoCloseable user = users.pop();
            Thread thread = new Thread(() -> closeQuietly(user, "server"), "lanyard-test-close-" + closing.size());
            thread.setDaemon(true);
            thread.start();
            closing.add(thread);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(USERS_CLOSE_TIMEOUT_SECONDS);
        for (Thread thread : closing) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // At JVM exit there is no caller to throw to: report and carry on with the rest of the teardown.
    private void dropQuietly(String database) {
        try {
            postgres.server().dropDatabase(database);
        } catch (RuntimeException e) {
            LOG.warn("could not drop test database {}", database, e);
        }
    }

    private static void closeQuietly(AutoCloseable resource, String name) {
        try {
            resource.close();
        } catch (Exception e) {
            LOG.warn("could not shut down test {}", name, e);
        }
    }
}
