package edu.lanyard.launcher;

import edu.lanyard.core.config.ConfigLoader;
import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.devkit.FreePorts;
import edu.lanyard.devkit.PostgresCoordinates;
import edu.lanyard.devkit.TestInfrastructure;
import edu.lanyard.directory.db.Migrations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A whole Lanyard node for tests, started exactly as {@code lanyard dev} starts one but against the shared test
 * infrastructure: a real Kafka broker, a fresh Postgres database, and a Hazelcast member in a cluster of its own.
 * Start one with {@link #builder()}; the presets ({@link #shared()}, {@link #sharedSignIn()}, {@link #sharedTokens()},
 * {@link #sharedDialects()}) each give one server per test JVM with a given import file, closed at exit.
 */
public final class LanyardTestServer implements AutoCloseable {
    private static final Map<String, LanyardTestServer> SHARED = new HashMap<>();
    /** The master key of every test server unless a test sets LANYARD_KEYS_*: random per test JVM. */
    public static final String TEST_MASTER_KEY = edu.lanyard.core.crypto.MasterKeys.newEncodedKey();

    private final LanyardConfig config;
    private final Infrastructure infrastructure;
    private final Node node;

    private LanyardTestServer(LanyardConfig config, Infrastructure infrastructure, Node node) {
        this.config = config;
        this.infrastructure = infrastructure;
        this.node = node;
    }

    /** The shared server with {@code test-clients.yaml}: the launcher-level tests (README, dev server). */
    public static LanyardTestServer shared() {
        return sharedImporting("/test-clients.yaml");
    }

    /** The shared server with {@code browser-clients.yaml}: the browser sign-in tests. */
    public static LanyardTestServer sharedSignIn() {
        return sharedImporting("/browser-clients.yaml");
    }

    /**
     * The shared server with {@code token-clients.yaml}: token tests that only read and write their own tokens
     * (tests that stop the broker or count metrics start their own).
     */
    public static LanyardTestServer sharedTokens() {
        return sharedImporting("/token-clients.yaml");
    }

    /** The shared server with every dialect mounted at its default prefix and {@code dialect-clients.yaml}. */
    public static LanyardTestServer sharedDialects() {
        return sharedImporting("/dialect-clients.yaml");
    }

    private static synchronized LanyardTestServer sharedImporting(String resource) {
        return SHARED.computeIfAbsent(resource, name -> {
            LanyardTestServer server = builder().importing(name).start();
            TestInfrastructure.shared().closeAtExit(server);
            return server;
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What a new server is started with: LANYARD_* variables layered over the test defaults, and an import file. */
    public static final class Builder {
        private final Map<String, String> overrides = new HashMap<>();
        private Path importFile;

        private Builder() {
        }

        public Builder env(String name, String value) {
            overrides.put(name, value);
            return this;
        }

        public Builder env(Map<String, String> variables) {
            overrides.putAll(variables);
            return this;
        }

        /** Imports this file (clients and users) before the node starts, as {@code lanyard import} does. */
        public Builder importing(Path file) {
            this.importFile = file;
            return this;
        }

        /** Imports a classpath resource such as {@code "/token-clients.yaml"}. */
        public Builder importing(String resource) {
            return importing(resource(resource));
        }

        /**
         * Uses the same Postgres database and event topic as {@code first}, as the nodes of one deployment do (its
         * own Hazelcast cluster unless the LANYARD_HAZELCAST_* variables say otherwise).
         */
        public Builder sameDataAs(LanyardConfig first) {
            return env("LANYARD_POSTGRES_DATABASE", first.postgres().database())
                    .env("LANYARD_KAFKA_TOPIC", first.kafka().topic());
        }

        public LanyardTestServer start() {
            return LanyardTestServer.start(overrides, importFile);
        }
    }

    private static LanyardTestServer start(Map<String, String> overrides, Path importFile) {
        LanyardConfig config = ConfigLoader.load(null, environment(overrides));
        Infrastructure infrastructure = null;
        try {
            infrastructure = Infrastructure.start(config);
            if (importFile != null) {
                Lanyard.importInto(config, importFile);
            }
            Node node = Node.start(config, infrastructure, List.copyOf(Lanyard.SERVICES.values()),
                    Lanyard.background(config));
            return new LanyardTestServer(config, infrastructure, node);
        } catch (Exception e) {
            if (infrastructure != null) {
                infrastructure.close();   // a refused start leaves no Hazelcast member behind for later tests
            }
            throw new IllegalStateException("test server did not start: " + e.getMessage(), e);
        }
    }

    /**
     * The LANYARD_* settings of a new test deployment: a fresh database, a topic and a Hazelcast cluster of its own,
     * free ports; {@code overrides} on top. What a {@link LanyardTestServer} starts with, and what {@link
     * LanyardProcess}es of one deployment share.
     */
    public static Map<String, String> environment(Map<String, String> overrides) {
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
        if (!overrides.containsKey("LANYARD_KAFKA_BOOTSTRAP_SERVERS")) {
            // the shared broker starts on first use: a test with brokers of its own does not wait for it
            env.put("LANYARD_KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrap());
        }
        env.put("LANYARD_KAFKA_TOPIC", "lanyard.events." + run);
        env.put("LANYARD_KAFKA_PARTITIONS", "3");
        env.put("LANYARD_KAFKA_PUBLISH_TIMEOUT_MS", "2000");
        env.put("LANYARD_HAZELCAST_CLUSTER_NAME", "lanyard-test-" + run);
        env.put("LANYARD_HAZELCAST_PORT", String.valueOf(FreePorts.pick()));
        // One master key for every test server, as for the nodes of one deployment (sameDataAs shares the database).
        env.put("LANYARD_KEYS_MASTER_KEY", TEST_MASTER_KEY);
        // Tests sign in hundreds of times; the production cost is set in lanyard-defaults.yaml.
        env.put("LANYARD_LOGIN_PBKDF2_ITERATIONS", "1000");
        env.putAll(overrides);
        return env;
    }

    /**
     * Migrates the database of {@code config} and imports a classpath resource into it, as {@code lanyard import}
     * does: for deployments whose nodes run as {@link LanyardProcess}es.
     */
    public static void importInto(LanyardConfig config, String resource) {
        try {
            Migrations.apply(config.postgres());
            Lanyard.importInto(config, resource(resource));
        } catch (Exception e) {
            throw new IllegalStateException("import failed: " + e.getMessage(), e);
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

    /** A classpath resource copied to a temporary file, e.g. an import file. */
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
