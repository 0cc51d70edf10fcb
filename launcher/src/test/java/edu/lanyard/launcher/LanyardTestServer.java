package edu.lanyard.launcher;

import edu.lanyard.core.config.ConfigLoader;
import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.devkit.FreePorts;
import edu.lanyard.devkit.PostgresCoordinates;
import edu.lanyard.devkit.TestInfrastructure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A whole Lanyard node for tests, started exactly as {@code lanyard dev} starts one but against the shared test
 * infrastructure: a real Kafka broker, a fresh Postgres database, and a Hazelcast member in a cluster of its own.
 * {@link #shared()} gives one server per test JVM, with {@code test-clients.yaml} imported.
 */
public final class LanyardTestServer implements AutoCloseable {
    private static LanyardTestServer shared;

    private final LanyardConfig config;
    private final Infrastructure infrastructure;
    private final Node node;

    private LanyardTestServer(LanyardConfig config, Infrastructure infrastructure, Node node) {
        this.config = config;
        this.infrastructure = infrastructure;
        this.node = node;
    }

    public static synchronized LanyardTestServer shared() {
        if (shared == null) {
            shared = start(Map.of(), resource("/test-clients.yaml"));
            TestInfrastructure.shared().closeAtExit(shared);
        }
        return shared;
    }

    /** A new server; {@code overrides} are LANYARD_* variables layered over the test defaults. */
    public static LanyardTestServer start(Map<String, String> overrides, Path importFile) {
        TestInfrastructure infra = TestInfrastructure.shared();
        PostgresCoordinates db = infra.freshDatabase();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> env = new HashMap<>();
        env.put("LANYARD_HTTP_PORT", String.valueOf(FreePorts.pick()));
        env.put("LANYARD_MANAGEMENT_PORT", "0");
        env.put("LANYARD_POSTGRES_HOST", db.host());
        env.put("LANYARD_POSTGRES_PORT", String.valueOf(db.port()));
        env.put("LANYARD_POSTGRES_DATABASE", db.database());
        env.put("LANYARD_POSTGRES_USER", db.user());
        env.put("LANYARD_POSTGRES_PASSWORD", db.password());
        env.put("LANYARD_POSTGRES_CREATE_DATABASE", "false");
        env.put("LANYARD_KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrap());
        env.put("LANYARD_KAFKA_TOPIC", "lanyard.events." + run);
        env.put("LANYARD_KAFKA_PARTITIONS", "3");
        env.put("LANYARD_KAFKA_PUBLISH_TIMEOUT_MS", "2000");
        env.put("LANYARD_HAZELCAST_CLUSTER_NAME", "lanyard-test-" + run);
        env.put("LANYARD_HAZELCAST_PORT", String.valueOf(FreePorts.pick()));
        // Tests sign in hundreds of times; the production cost is set in lanyard-defaults.yaml.
        env.put("LANYARD_LOGIN_PBKDF2_ITERATIONS", "1000");
        env.putAll(overrides);
        LanyardConfig config = ConfigLoader.load(null, env);
        try {
            Infrastructure infrastructure = Infrastructure.start(config);
            if (importFile != null) {
                Lanyard.importInto(config, importFile);
            }
            Node node = Node.start(config, infrastructure, List.copyOf(Lanyard.SERVICES.values()),
                    Lanyard.background(config));
            return new LanyardTestServer(config, infrastructure, node);
        } catch (Exception e) {
            throw new IllegalStateException("test server did not start: " + e.getMessage(), e);
        }
    }

    /** Upserts the clients and users of {@code file} into this server's database, as {@code lanyard import} does. */
    public void importFile(Path file) {
        try {
            Lanyard.importInto(config, file);
        } catch (Exception e) {
            throw new IllegalStateException("import failed: " + e.getMessage(), e);
        }
    }

    /** A classpath resource copied to a temporary file, e.g. an import file for {@link #start}. */
    public static Path resource(String name) {
        try (var in = LanyardTestServer.class.getResourceAsStream(name)) {
            Path file = Files.createTempFile("lanyard-import", ".yaml");
            Files.write(file, in.readAllBytes());
            file.toFile().deleteOnExit();
            return file;
        } catch (Exception e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }

    public String baseUrl() {
        return config.issuer();
    }

    /** {@code http://127.0.0.1:PORT} of the management port: {@code /metrics} and {@code /health/*}. */
    public String managementUrl() {
        return node.managementUrl().orElseThrow(() -> new IllegalStateException("the management port is off"));
    }

    public LanyardConfig config() {
        return config;
    }

    public Node node() {
        return node;
    }

    public String kafkaBootstrap() {
        return infrastructure.kafkaBootstrap();
    }

    @Override
    public void close() {
        try {
            node.close();
        } catch (Exception e) {
            System.err.println("test server stop: " + e.getMessage());
        }
        infrastructure.close();
    }
}
