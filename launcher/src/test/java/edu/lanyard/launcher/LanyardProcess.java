package edu.lanyard.launcher;

import edu.lanyard.core.config.LanyardConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Lanyard node in a JVM of its own, started the way production starts one ({@code java -jar lanyard.jar ARGS})
 * with the given LANYARD_* settings and none of this machine's. Its output goes to a log file, which failures quote.
 * Stopping it sends SIGTERM ({@link Process#destroy()}), as Kubernetes does.
 */
public final class LanyardProcess implements AutoCloseable {
    /** The production jar, built by the package phase that precedes the integration tests. */
    public static final Path JAR = Path.of(System.getProperty("lanyard.jar", "target/lanyard.jar"));
    /** Small heaps, and a quick start rather than the fastest code: tests start many of these on a few cores. */
    private static final List<String> TEST_JVM = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final String name;
    private final Process process;
    private final Path log;
    private final String baseUrl;

    private LanyardProcess(String name, Process process, Path log, String baseUrl) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.baseUrl = baseUrl;
    }

    /** {@code java OPTIONS -jar lanyard.jar ARGS}. */
    public static List<String> command(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Starts {@code lanyard ARGS} with exactly {@code env} as its LANYARD_* settings (which must name
     * {@code LANYARD_HTTP_PORT}); {@code jvmOptions} are added to the test defaults. Does not wait for it.
     */
    public static LanyardProcess start(String name, Map<String, String> env, List<String> jvmOptions,
                                       String... args) {
        String port = env.get("LANYARD_HTTP_PORT");
        if (port == null) {
            throw new IllegalArgumentException("a test process needs LANYARD_HTTP_PORT");
        }
        List<String> options = new ArrayList<>(TEST_JVM);
        options.addAll(jvmOptions);
        try {
            Path log = Files.createTempFile("lanyard-" + name + "-", ".log");
            log.toFile().deleteOnExit();
            ProcessBuilder builder = new ProcessBuilder(command(options, args)).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(variable -> variable.startsWith("LANYARD_"));
            builder.environment().putAll(env);
            return new LanyardProcess(name, builder.start(), log, "http://127.0.0.1:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /**
     * The settings that make a process one more node of the deployment {@code config} describes: its database (not
     * created again), its event topic on the broker at {@code kafkaBootstrap}, and its master key. Add the HTTP port and the
     * Hazelcast cluster.
     */
    public static Map<String, String> sameDataAs(LanyardConfig config, String kafkaBootstrap) {
        LanyardConfig.Postgres pg = config.postgres();
        Map<String, String> env = new HashMap<>();
        env.put("LANYARD_MANAGEMENT_PORT", "0");
        env.put("LANYARD_POSTGRES_HOST", pg.host());
        env.put("LANYARD_POSTGRES_PORT", String.valueOf(pg.port()));
        env.put("LANYARD_POSTGRES_DATABASE", pg.database());
        env.put("LANYARD_POSTGRES_USER", pg.user());
        env.put("LANYARD_POSTGRES_PASSWORD", pg.password());
        env.put("LANYARD_POSTGRES_CREATE_DATABASE", "false");
        env.put("LANYARD_KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
        env.put("LANYARD_KAFKA_TOPIC", config.kafka().topic());
        env.put("LANYARD_KAFKA_PARTITIONS", String.valueOf(config.kafka().partitions()));
        env.put("LANYARD_KEYS_MASTER_KEY", config.keys().masterKey());   // it reads the same sealed signing keys
        return env;
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** {@code /health/ready} answers 200; false while it does not, or nothing listens. */
    public boolean ready() {
        try {
            return Http.get(baseUrl + "/health/ready", null).status() == 200;
        } catch (IllegalStateException notListening) {
            return false;
        }
    }

    /** Whether its HTTP port takes connections at all (whatever it answers). */
    public boolean acceptsConnections() {
        return acceptsConnections(baseUrl);
    }

    /** Whether anything takes connections on the port of {@code baseUrl}. */
    public static boolean acceptsConnections(String baseUrl) {
        URI uri = URI.create(baseUrl);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** Waits until the node is ready; fails with the end of its log if it dies or takes longer. */
    public LanyardProcess awaitReady(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!ready()) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " before it was ready:\n"
                        + logTail());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " not ready within " + within.toSeconds() + " s:\n" + logTail());
            }
            pause();
        }
        return this;
    }

    /** Sends SIGTERM and waits for the process to end; answers its exit code. */
    public int stop(Duration within) {
        terminate();
        return awaitExit(within);
    }

    /** Sends SIGTERM, as Kubernetes does to a pod it stops; does not wait. */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the process to end; answers its exit code. Kills it and fails if it takes longer. */
    public int awaitExit(Duration within) {
        try {
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(name + " did not stop within " + within.toSeconds() + " s of SIGTERM:\n"
                        + logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while stopping " + name, e);
        }
        return process.exitValue();
    }

    /** SIGKILL: no goodbye. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Everything it wrote so far. */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String logTail() {
        String all = log();
        return "(" + log + ")\n" + all.substring(Math.max(0, all.length() - 6000));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
