package edu.lanyard.launcher;

import edu.lanyard.authorize.AuthorizeService;
import edu.lanyard.console.ConsoleService;
import edu.lanyard.core.config.ConfigLoader;
import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.core.crypto.ClientSecretHasher;
import edu.lanyard.core.crypto.PasswordHasher;
import edu.lanyard.core.logging.RedactingOutputStream;
import edu.lanyard.directory.db.Migrations;
import edu.lanyard.directory.db.PgPools;
import edu.lanyard.directory.importing.ImportResult;
import edu.lanyard.directory.importing.Importer;
import edu.lanyard.directory.importing.InvalidImportException;
import edu.lanyard.projection.admin.AdminCredentials;
import edu.lanyard.token.TokenService;
import edu.lanyard.userinfo.UserinfoService;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/** The {@code lanyard} command. */
public final class Lanyard {
    /**
     * The services by name, in the order their routes are mounted. The order is fixed on purpose: Vert.x tries routes
     * one after another, so the machine-to-machine endpoints (token, introspection, userinfo), which carry nearly all
     * the traffic, come before the browser pages with their many and pattern-matched routes. ({@code Map.of} would
     * also pick a different order in every JVM, and with it a different cost per request.)
     */
    static final Map<String, ServiceMount> SERVICES = inMountOrder(
            Map.entry("token", TokenService::mount),
            Map.entry("userinfo", UserinfoService::mount),
            Map.entry("authorize", AuthorizeService::mount),
            Map.entry("console", ConsoleService::mount));
    static final NodeService PROJECTION = new ProjectionNodeService();
    static final String SERVE_NEEDS_KAFKA = "serve needs a real Kafka cluster: set kafka.bootstrapServers /"
            + " LANYARD_KAFKA_BOOTSTRAP_SERVERS; the embedded broker is for `lanyard dev` only";
    static final String NEEDS_MASTER_KEY = "serve needs a master key to keep the signing keys encrypted at rest: set"
            + " keys.masterKeyFile (LANYARD_KEYS_MASTER_KEY_FILE, e.g. a mounted Secret) or keys.masterKey"
            + " (LANYARD_KEYS_MASTER_KEY); `lanyard admin new-master-key` prints one";

    private Lanyard() {
    }

    /** The commands whose output is the log of a running service; {@code admin} prints credentials on purpose. */
    private static final Set<String> SERVICE_COMMANDS = Set.of("dev", "serve", "migrate",
            "import", "replay");

    @SafeVarargs
    private static Map<String, ServiceMount> inMountOrder(Map.Entry<String, ServiceMount>... services) {
        Map<String, ServiceMount> ordered = new LinkedHashMap<>();
        for (Map.Entry<String, ServiceMount> service : services) {
            ordered.put(service.getKey(), service.getValue());
        }
        return Collections.unmodifiableMap(ordered);
    }

    public static void main(String[] args) {
        if (redactsStandardStreams(args)) {
            // Before anything logs: whatever reaches stderr or stdout (Vert.x, Netty, Hazelcast and Kafka messages
            // and stack traces included) has its credentials masked.
            RedactingOutputStream.installOnStandardStreams();
        }
        avoidThreadPerTaskCompletions();
        // The dev runtime's Kafka broker jars bring the log4j2 API without an implementation; say so up front instead
        // of having log4j print an error at start. Lanyard's own logging is slf4j.
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        try {
            CommandLine line = CommandLine.parse(args);
            switch (line.command()) {
                case "dev" -> dev(line);
                case "serve" -> serve(line);
                case "migrate" -> migrate(line);
                case "import" -> importFile(line);
                case "replay" -> ReplayCommand.run(line);
                case "admin" -> System.exit(AdminCommand.run(line));
                case "help", "--help", "-h" -> System.out.println(USAGE);
                default -> {
                    System.err.println("unknown command: " + line.command() + "\n" + USAGE);
                    System.exit(2);
                }
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("lanyard: " + e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            System.err.println("lanyard: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    static boolean redactsStandardStreams(String[] args) {
        return args.length > 0 && SERVICE_COMMANDS.contains(args[0]);
    }

    /**
     * With a common fork-join pool of parallelism 1 (any 2-core machine), CompletableFuture and Hazelcast run async
     * callbacks on a new thread each. A parallelism of at least 2 keeps them on pooled threads. Must run before
     * anything touches the common pool.
     */
    private static void avoidThreadPerTaskCompletions() {
        String property = "java.util.concurrent.ForkJoinPool.common.parallelism";
        if (System.getProperty(property) == null) {
            System.setProperty(property, String.valueOf(Math.max(2, Runtime.getRuntime().availableProcessors())));
        }
    }

    /** Every service in one JVM with an embedded Kafka broker and Hazelcast member, against the local Postgres. */
    private static void dev(CommandLine line) throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        line.option("port").ifPresent(port -> env.put("LANYARD_HTTP_PORT", port));
        line.option("management-port").ifPresent(port -> env.put("LANYARD_MANAGEMENT_PORT", port));
        line.option("durability").ifPresent(mode -> env.put("LANYARD_DURABILITY", mode.toUpperCase()));
        Path configFile = line.path("config").orElse(null);
        LanyardConfig config = devConfig(configFile, env);
        if (config.kafka().embedded()) {
            DevRuntime.require();   // before anything is written or started: say what is missing, not a stack trace
        }
        boolean devMasterKey = provisionDevMasterKey(config, env, DevMasterKey.FILE);
        Optional<String> operatorToken = provisionDevOperatorToken(config, env, DevOperatorToken.FILE);
        if (devMasterKey || operatorToken.isPresent()) {
            config = ConfigLoader.load(configFile, env);
        }
        if (devMasterKey) {
            System.out.println("signing keys are stored encrypted under the dev master key in " + DevMasterKey.FILE
                    + " (kept across runs; keep it with the database)");
        }
        if (operatorToken.isPresent()) {
            String token = operatorToken.get();
            Runtime.getRuntime().addShutdownHook(new Thread(() ->
                    DevOperatorToken.deleteIfStill(DevOperatorToken.FILE, token)));
            // dev only, on loopback: the operator wants a token to paste. A configured server never prints one.
            System.out.println("operator token for this dev server: " + token + " (also in " + DevOperatorToken.FILE
                    + ", which `lanyard admin` reads)");
        }
        runNode(config, List.copyOf(SERVICES.values()), background(config), line.path("import").orElse(null));
    }

    /**
     * {@code dev}'s configuration: the Kafka cluster of the config file or environment if one is named, else
     * {@code embedded} (put into {@code env}, so later reloads keep it), the dev runtime's broker inside this JVM.
     */
    static LanyardConfig devConfig(Path configFile, Map<String, String> env) {
        LanyardConfig config = ConfigLoader.load(configFile, env);
        if (!config.kafka().bootstrapServers().isBlank()) {
            return config;
        }
        env.put("LANYARD_KAFKA_BOOTSTRAP_SERVERS", "embedded");
        return ConfigLoader.load(configFile, env);
    }

    /**
     * {@code dev} without operator credentials makes a token of its own, so the operator API works at once: the
     * token goes to {@code tokenFile} (owner-only) and its SHA-256 into {@code env} as {@code admin.tokenHash}.
     * Configured credentials are left alone. Answers the token made, if one was.
     */
    static Optional<String> provisionDevOperatorToken(LanyardConfig config, Map<String, String> env, Path tokenFile) {
        if (config.admin().enabled()) {
            return Optional.empty();
        }
        String token = DevOperatorToken.create(tokenFile);
        env.put("LANYARD_ADMIN_TOKEN_HASH", AdminCredentials.sha256Hex(token));
        return Optional.of(token);
    }

    /**
     * {@code dev} without a master key uses the one in {@code keyFile}, made (owner-only) on the first run and kept
     * afterwards, since the signing keys in the database stay sealed under it: {@code keys.masterKeyFile} goes into
     * {@code env}. A configured key is left alone. Answers whether the dev key is used.
     */
    static boolean provisionDevMasterKey(LanyardConfig config, Map<String, String> env, Path keyFile) {
        if (config.keys().masterKeyConfigured()) {
            return false;
        }
        DevMasterKey.ensure(keyFile);
        env.put("LANYARD_KEYS_MASTER_KEY_FILE", keyFile.toAbsolutePath().toString());
        return true;
    }

    /** The services beside the routes that {@code dev} and {@code serve all} run: the projector, unless disabled. */
    static List<NodeService> background(LanyardConfig config) {
        return config.projection().enabled() ? List.of(PROJECTION) : List.of();
    }

    /** One service (or {@code all}) against external Kafka, Postgres and Hazelcast as configured. */
    private static void serve(CommandLine line) throws Exception {
        if (line.arguments().isEmpty()) {
            throw new IllegalArgumentException(
                    "serve needs a service: token, authorize, userinfo, console, projection or all");
        }
        String name = line.arguments().get(0);
        LanyardConfig config = serveConfig(line, System.getenv());
        if ("all".equals(name)) {
            runNode(config, List.copyOf(SERVICES.values()), background(config), null);
        } else if ("projection".equals(name)) {
            runNode(config, List.of(), List.of(PROJECTION), null);
        } else {
            ServiceMount service = java.util.Optional.ofNullable(SERVICES.get(name)).orElseThrow(() ->
                    new IllegalArgumentException("unknown service: " + name));
            runNode(config, List.of(service), List.of(), null);
        }
    }

    /**
     * {@code serve}'s configuration, refused unless it names a Kafka cluster (production never runs a broker) and a
     * master key: a production node never writes a private signing key in clear, and never makes up a key of its
     * own, which the other nodes would not have.
     */
    static LanyardConfig serveConfig(CommandLine line, Map<String, String> env) {
        LanyardConfig config = ConfigLoader.load(line.path("config").orElse(null), env);
        if (config.kafka().embedded() || config.kafka().bootstrapServers().isBlank()) {
            throw new IllegalArgumentException(SERVE_NEEDS_KAFKA);
        }
        Node.masterKeys(config.keys());   // before anything starts: a missing or malformed key in one line
        return config;
    }

    private static void runNode(LanyardConfig config, List<ServiceMount> services, List<NodeService> background,
                                Path importFile) throws Exception {
        Infrastructure infrastructure = Infrastructure.start(config);
        if (importFile != null) {
            report(importExplained(config, importFile));
        }
        Node node = Node.start(config, infrastructure, services, background);
        StopSignals signals = StopSignals.install(new GracefulShutdown(config, node, infrastructure)::run);
        System.out.println("Lanyard ready on " + config.issuer() + " (issuer " + config.issuer() + ", durability "
                + config.durability().name().toLowerCase() + node.managementUrl()
                .map(url -> ", metrics and health on " + url).orElse("") + ")");
        System.out.flush();
        // Exiting here, not in the signal's thread, runs the remaining shutdown hooks (the dev operator token's).
        System.exit(signals.awaitExitCode());
    }

    private static void migrate(CommandLine line) {
        LanyardConfig config = ConfigLoader.load(line.path("config").orElse(null), System.getenv());
        int applied = Migrations.apply(config.postgres());
        System.out.println("migrations applied: " + applied);
    }

    private static void importFile(CommandLine line) throws Exception {
        if (line.arguments().isEmpty()) {
            throw new IllegalArgumentException("import needs a file: lanyard import FILE");
        }
        LanyardConfig config = ConfigLoader.load(line.path("config").orElse(null), System.getenv());
        Migrations.apply(config.postgres());
        report(importExplained(config, Path.of(line.arguments().get(0))));
    }

    /**
     * {@link #importInto}, with what went wrong said to the operator: each problem of the file on a line of its own,
     * or why the file cannot be read; never a stack trace.
     */
    static ImportResult importExplained(LanyardConfig config, Path file) throws Exception {
        try {
            return importInto(config, file);
        } catch (InvalidImportException e) {
            List<String> problems = e.problems();
            throw new IllegalArgumentException("cannot import " + file + ", nothing was written: "
                    + (problems.size() == 1 ? problems.get(0)
                    : problems.size() + " problems:\n  " + String.join("\n  ", problems)));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("cannot import " + file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("cannot import " + file + ": permission denied");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot import " + file + ": " + e.getMessage());
        }
    }

    static ImportResult importInto(LanyardConfig config, Path file) throws Exception {
        Vertx vertx = Vertx.vertx();
        Pool pool = PgPools.create(vertx, config.postgres());
        try {
            Importer importer = new Importer(vertx, pool, PasswordHasher.fromConfig(config.login()),
                    new ClientSecretHasher(), config.tokens(), config.login().attributes());
            return Node.await(importer.importFile(file));
        } catch (ExecutionException e) {
            // the importer's own failure, not the future's wrapper: InvalidImportException, a missing file …
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            Node.await(pool.close());
            Node.await(vertx.close());
        }
    }

    private static void report(ImportResult result) {
        System.out.println(result.summary());
    }

    private static final String USAGE = """
            usage: lanyard COMMAND [options]
              dev [--port 8080] [--management-port 9464] [--import FILE] [--config FILE]
                  [--durability kafka|memory]
                                     every service in one JVM, embedded Kafka (from the dev runtime, see
                                     ./lanyard) and Hazelcast, local Postgres; /metrics and /health/* on the
                                     management port; without admin credentials configured, an operator
                                     token in ./data/admin-token
              serve token|authorize|userinfo|console|projection|all [--config FILE]
                                     one service against the configured Kafka cluster
                                     (kafka.bootstrapServers), Postgres and Hazelcast
              migrate [--config FILE]  apply database migrations
              replay [--from-beginning | --since 2026-11-20T00:00:00Z] [--config FILE]
                                     rebuild the projections from the event topic and swap them in
              admin COMMAND [--url URL] [--token T | --user U --password P]
                                     operator API: sessions, grants, revoke-user, revoke-client, audit, stats,
                                     status, replay, keys, rewrap-keys; hash-password, new-token and
                                     new-master-key make credentials (lanyard admin help)
              import FILE [--config FILE]
                                     upsert clients and users from a YAML file
            Configuration: a YAML file (--config) and LANYARD_* environment variables; see README.md.""";
}
