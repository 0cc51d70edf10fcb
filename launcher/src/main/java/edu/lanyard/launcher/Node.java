package edu.lanyard.launcher;

import com.nimbusds.jose.jwk.JWKSet;
import edu.lanyard.cluster.event.KafkaEventPublisher;
import edu.lanyard.cluster.hazelcast.HazelcastMeters;
import edu.lanyard.cluster.jose.SigningKeys;
import edu.lanyard.cluster.kafka.KafkaClientProperties;
import edu.lanyard.cluster.store.HazelcastAccessTokens;
import edu.lanyard.cluster.store.HazelcastCasTickets;
import edu.lanyard.cluster.store.HazelcastAuthFailureWindows;
import edu.lanyard.cluster.store.HazelcastAuthorizationCodes;
import edu.lanyard.cluster.store.HazelcastGrantRevocations;
import edu.lanyard.cluster.store.HazelcastLoginAttempts;
import edu.lanyard.cluster.store.HazelcastRefreshTokens;
import edu.lanyard.cluster.store.HazelcastSessions;
import edu.lanyard.cluster.store.HazelcastSharedMaps;
import edu.lanyard.core.client.ClientAuthenticator;
import edu.lanyard.core.client.ClientLookup;
import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.core.crypto.ClientSecretHasher;
import edu.lanyard.core.crypto.MasterKeys;
import edu.lanyard.core.crypto.NativeCrypto;
import edu.lanyard.core.crypto.PasswordHasher;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.domain.User;
import edu.lanyard.core.event.EventPublisher;
import edu.lanyard.core.event.FireAndForgetPublisher;
import edu.lanyard.core.jose.JwtSigner;
import edu.lanyard.core.ledger.Ledger;
import edu.lanyard.core.metrics.Meters;
import edu.lanyard.core.metrics.SignInMeters;
import edu.lanyard.core.metrics.VertxPoolMeters;
import edu.lanyard.core.oidc.IdTokenFactory;
import edu.lanyard.core.oidc.JwtAccessTokens;
import edu.lanyard.core.operator.ConsoleClient;
import edu.lanyard.core.runtime.Platform;
import edu.lanyard.core.store.AccessTokens;
import edu.lanyard.core.store.AuthorizationCodes;
import edu.lanyard.core.store.GrantRevocations;
import edu.lanyard.core.store.LoginAttempts;
import edu.lanyard.core.store.QuietKeysMemo;
import edu.lanyard.core.store.RefreshTokens;
import edu.lanyard.core.token.TokenIssuer;
import edu.lanyard.core.token.TokenRevoker;
import edu.lanyard.core.token.TokenValidator;
import edu.lanyard.core.user.Authenticator;
import edu.lanyard.core.user.CountingLoginThrottle;
import edu.lanyard.core.user.LocalAuthenticator;
import edu.lanyard.core.user.LocalPasswords;
import edu.lanyard.core.user.PasswordCheck;
import edu.lanyard.core.user.SignIn;
import edu.lanyard.core.user.UserLookup;
import edu.lanyard.dialects.DialectIdleLifetimes;
import edu.lanyard.dialects.ProductDialect;
import edu.lanyard.dialects.ProductDialects;
import edu.lanyard.directory.db.CasServiceDirectory;
import edu.lanyard.directory.db.ClientDirectory;
import edu.lanyard.directory.db.PgPools;
import edu.lanyard.directory.db.UserDirectory;
import edu.lanyard.directory.db.UserRepository;
import edu.lanyard.ldap.DirectoryAuthenticator;
import edu.lanyard.ldap.DirectoryCopies;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.metrics.MetricsOptions;
import io.vertx.kafka.admin.KafkaAdminClient;
import io.vertx.sqlclient.Pool;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One running Lanyard process: Vert.x, the shared platform, and the HTTP verticles of the chosen services.
 */
public final class Node implements AutoCloseable {
    /** How often the dependency checks run for {@code lanyard_dependency_up}: a fraction of an alert's "for". */
    static final long DEPENDENCY_GAUGE_PERIOD_MS = 10_000;

    private final Vertx vertx;
    private final Infrastructure infrastructure;
    private final SigningKeys keys;
    private final Platform platform;
    private final Pool pool;
    private final KafkaEventPublisher kafka;
    private final KafkaAdminClient healthAdmin;
    private final List<NodeService.Running> running;
    private final Traffic traffic;
    private final String httpDeployment;
    private final int managementPort;
    private final HazelcastMeters hazelcastMeters;
    private Future<?> drained;
    /** The campus directory's connection pools, when ldap.enabled; closed with the Postgres pool. */
    private AutoCloseable directory = () -> { };

    private Node(Vertx vertx, Infrastructure infrastructure, SigningKeys keys, Platform platform, Pool pool,
                 KafkaEventPublisher kafka, KafkaAdminClient healthAdmin, List<NodeService.Running> running,
                 Traffic traffic, String httpDeployment, int managementPort, HazelcastMeters hazelcastMeters) {
        this.vertx = vertx;
        this.infrastructure = infrastructure;
        this.keys = keys;
        this.platform = platform;
        this.pool = pool;
        this.kafka = kafka;
        this.healthAdmin = healthAdmin;
        this.running = running;
        this.traffic = traffic;
        this.httpDeployment = httpDeployment;
        this.managementPort = managementPort;
        this.hazelcastMeters = hazelcastMeters;
    }

    /** Blocking: builds the platform and binds the HTTP port; returns once the node serves requests. */
    public static Node start(LanyardConfig config, Infrastructure infrastructure, List<ServiceMount> services)
            throws Exception {
        return start(config, infrastructure, services, List.of());
    }

    /** As {@link #start(LanyardConfig, Infrastructure, List)}, also running {@code background} services. */
    public static Node start(LanyardConfig config, Infrastructure infrastructure, List<ServiceMount> services,
                             List<NodeService> background) throws Exception {
        installNativeCrypto();
        // A misspelt or mistyped dialect option stops the start here.
        List<ProductDialect> mountedDialects = ProductDialects.enabled(config.dialects());
        Clock clock = Clock.systemUTC();
        // Before Vert.x starts: a key ring this node cannot open stops the start with nothing to clean up.
        SigningKeys keys = SigningKeys.join(infrastructure.hazelcast(), clock, masterKeys(config.keys()));
        PrometheusMeterRegistry meters = Meters.prometheus();
        // Vert.x's metrics SPI only for its pools (Postgres connections, worker threads): see VertxPoolMeters.
        Vertx vertx = Vertx.builder()
                .with(new VertxOptions().setPreferNativeTransport(true)
                        .setMetricsOptions(new MetricsOptions().setEnabled(true)))
                .withMetrics(new VertxPoolMeters(meters))
                .build();
        if (!vertx.isNativeTransportEnabled()) {
            LoggerFactory.getLogger(Node.class).info("network: Java NIO (no native transport: {})",
                    String.valueOf(vertx.unavailableNativeTransportCause()));
        }
        HazelcastMeters hazelcastMeters = HazelcastMeters.bind(infrastructure.hazelcast(), meters,
                !config.hazelcast().client());
        infrastructure.bindMetrics(meters);
        Pool pool = PgPools.create(vertx, config.postgres());
        ClientDirectory clients = await(ClientDirectory.start(vertx, pool, config.postgres()));
        UserDirectory users = await(UserDirectory.start(vertx, pool, config.postgres()));
        CasServiceDirectory casServices = await(CasServiceDirectory.start(vertx, pool, config.postgres()));
        PasswordHasher passwordHasher = PasswordHasher.fromConfig(config.login());
        ClientSecretHasher secretHasher = new ClientSecretHasher();

        KafkaEventPublisher kafka = new KafkaEventPublisher(vertx, config.kafka(), infrastructure.kafkaBootstrap(),
                meters, config.durability());
        EventPublisher events = config.durability() == LanyardConfig.Durability.MEMORY
                ? new FireAndForgetPublisher(vertx, kafka, KafkaEventPublisher.BACKGROUND_DELIVERY_TIMEOUT_MS, meters)
                : kafka;
        FireAndForgetPublisher.unpublished(meters);
        Ledger ledger = new Ledger(config.durability(), events, clock);

        var hz = infrastructure.hazelcast();
        AccessTokens accessTokens = new HazelcastAccessTokens(vertx, hz, clock);
        RefreshTokens refreshTokens = new HazelcastRefreshTokens(vertx, hz, clock);
        GrantRevocations revocations = new HazelcastGrantRevocations(vertx, hz);
        JwtSigner signer = new JwtSigner(keys);
        TokenIssuer issuer = new TokenIssuer(accessTokens, refreshTokens, ledger,
                new JwtAccessTokens(config.issuer(), signer), new DialectIdleLifetimes(mountedDialects));
        UserLookup userLookup = new UserLookup() {
            @Override
            public Future<Optional<User>> byUsername(String username) {
                return users.byUsername(username);
            }

            @Override
            public Future<Optional<User>> bySubject(String subject) {
                return users.bySubject(subject);
            }

            @Override
            public Future<Optional<User>> byLogin(String login) {
                return users.byLogin(login, config.login().attributes());
            }
        };
        PasswordCheck passwordCheck = new LocalPasswords(vertx, passwordHasher, ledger);

        // The console's client is built in (never imported, never in Postgres): every node knows it the same way.
        Optional<Client> consoleClient = config.console().enabled()
                ? Optional.of(ConsoleClient.of(config.issuer())) : Optional.empty();
        ClientLookup clientLookup = new ClientLookup() {
            @Override
            public Optional<Client> find(String clientId) {
                if (ConsoleClient.CLIENT_ID.equals(clientId)) {
                    return consoleClient;
                }
                return clients.find(clientId);
            }

            @Override
            public java.util.Collection<Client> all() {
                return clients.all();
            }

            @Override
            public java.util.Set<String> browserOrigins() {
                return clients.browserOrigins();
            }
        };
        SignInMeters signInMeters = new SignInMeters(meters);
        List<Authenticator> authenticators = new ArrayList<>(List.of(new LocalAuthenticator(userLookup, passwordCheck)));
        DirectoryAuthenticator directory = config.ldap().enabled()
                ? new DirectoryAuthenticator(vertx, config.ldap(), directoryCopies(pool), meters, clock)
                : null;
        if (directory != null) {
            authenticators.add(directory); // after Lanyard's own users: a local account of the same name wins
        }
        SignIn signIn = new SignIn(authenticators, userLookup,
                new CountingLoginThrottle(new HazelcastLoginAttempts(vertx, hz), ledger, config.login(), signInMeters),
                passwordCheck, ledger, signInMeters);
        Platform platform = new Platform(vertx, config, clock, meters, clientLookup,
                new ClientAuthenticator(clientLookup, secretHasher::matches), userLookup, signIn,
                refreshTokens, new HazelcastAuthorizationCodes(vertx, hz, clock), revocations, ledger, issuer,
                new TokenValidator(accessTokens, refreshTokens, revocations, clock),
                new TokenRevoker(accessTokens, refreshTokens, revocations, ledger),
                new IdTokenFactory(config.issuer(), config.tokens().idTokenTtl(), userLookup, signer, clock),
                () -> new JsonObject(keys.publicJwks().toJSONObject(true)),
                new HazelcastSessions(vertx, hz, clock), new QuietKeysMemo(new HazelcastAuthFailureWindows(vertx, hz)),
                new HazelcastSharedMaps(vertx, hz), casServices, new HazelcastCasTickets(vertx, hz, clock));

        Map<String, String> healthClient = new HashMap<>(KafkaClientProperties.of(config.kafka(),
                infrastructure.kafkaBootstrap()));
        healthClient.putAll(Map.of("request.timeout.ms", "1000", "default.api.timeout.ms", "1000",
                "client.id", "lanyard-health"));
        KafkaAdminClient kafkaAdmin = KafkaAdminClient.create(vertx, healthClient);
        Traffic traffic = new Traffic();
        HealthChecks health = new HealthChecks()
                .add("serving", traffic::check)
                .add("hazelcast", () -> hz.getLifecycleService().isRunning()
                        ? Future.succeededFuture() : Future.failedFuture("hazelcast is not running"))
                .addDependency("kafka", () -> kafkaAdmin.describeCluster().compose(cluster -> cluster.getNodes().isEmpty()
                        ? Future.failedFuture("no broker") : Future.succeededFuture()))
                .addDependency("postgres", () -> pool.query("select 1").execute());

        scheduleKeyRotation(vertx, keys, config.tokens());
        List<NodeService.Running> running = new ArrayList<>();
        for (NodeService service : background) {
            NodeService.Running started = service.start(platform, infrastructure, keys);
            running.add(started);
            health.addDependency(started.name(), started::health);
        }
        health.publishDependencyGauges(vertx, meters, DEPENDENCY_GAUGE_PERIOD_MS);
        List<ServiceMount> mounts = new ArrayList<>(services);
        running.forEach(started -> mounts.add((router, p) -> started.mount(router)));

        int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
        String httpDeployment = await(vertx.deployVerticle(() -> new HttpVerticle(platform, mounts, health,
                MetricsScrape.scrapeHandler(meters), traffic), new DeploymentOptions().setInstances(instances)));
        int managementPort = -1;
        if (config.management().enabled()) {
            ManagementVerticle management = new ManagementVerticle(config.management(), health,
                    MetricsScrape.scrapeHandler(meters));
            await(vertx.deployVerticle(management));
            managementPort = management.port();
        }
        Node node = new Node(vertx, infrastructure, keys, platform, pool, kafka, kafkaAdmin, List.copyOf(running),
                traffic, httpDeployment, managementPort, hazelcastMeters);
        if (directory != null) {
            node.directory = directory;
        }
        return node;
    }

    /**
     * Before anything signs, hashes or draws random bytes: the native provider if this platform loads it, else the
     * JDK's, said once per process.
     */
    private static void installNativeCrypto() {
        boolean first = !NativeCrypto.active();
        NativeCrypto.Outcome crypto = NativeCrypto.install();
        if (first) {
            LoggerFactory.getLogger(Node.class).info(crypto.describe());
        }
    }

    /**
     * Directory users' local copies: read straight from Postgres (a local account of the same name must be seen
     * even if the cache has not heard of it yet), written with the usual upsert, whose NOTIFY refreshes every node.
     */
    private static DirectoryCopies directoryCopies(Pool pool) {
        UserRepository repository = new UserRepository(pool);
        return new DirectoryCopies() {
            @Override
            public Future<Optional<User>> byUsername(String username) {
                return repository.findByUsername(username);
            }

            @Override
            public Future<User> save(User copy) {
                return repository.upsert(copy);
            }
        };
    }

    /**
     * The master keys that seal the signing keys at rest; a node never runs without one (`serve` says so before
     * anything starts, `dev` makes one).
     */
    static MasterKeys masterKeys(LanyardConfig.Keys keys) {
        return MasterKeys.fromConfig(keys).orElseThrow(() -> new IllegalArgumentException(Lanyard.NEEDS_MASTER_KEY));
    }

    /**
     * Rotates the signing keys once they reach their configured age; one member of the cluster does it. Old keys stay
     * in the JWKS for the longest token lifetime plus a margin for clock skew.
     */
    private static void scheduleKeyRotation(Vertx vertx, SigningKeys keys, LanyardConfig.Tokens tokens) {
        Duration maxAge = Duration.ofDays(tokens.signingKeyRotationDays());
        Duration retain = Duration.ofSeconds(Math.max(Math.max(tokens.accessTokenTtl(), tokens.idTokenTtl()), 86_400))
                .plus(Duration.ofMinutes(10));
        vertx.setPeriodic(Duration.ofMinutes(1).toMillis(), Duration.ofHours(1).toMillis(), tick ->
                vertx.executeBlocking(() -> keys.rotateIfOlderThan(maxAge, retain), false)
                        .onFailure(e -> org.slf4j.LoggerFactory.getLogger(Node.class)
                                .warn("signing key rotation check failed: {}", e.getMessage())));
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get();
    }

    public Platform platform() {
        return platform;
    }

    public Vertx vertx() {
        return vertx;
    }

    public Infrastructure infrastructure() {
        return infrastructure;
    }

    /** The port {@code /metrics} and {@code /health/*} are served on besides the service port; -1 when off. */
    public int managementPort() {
        return managementPort;
    }

    /** {@code http://host:port} of the management port, for people and tests; empty when it is off. */
    public java.util.Optional<String> managementUrl() {
        if (managementPort < 0) {
            return java.util.Optional.empty();
        }
        String host = platform.config().management().host();
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1";
        } else if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return java.util.Optional.of("http://" + host + ":" + managementPort);
    }

    public SigningKeys signingKeys() {
        return keys;
    }

    /**
     * First step of a stop: readiness answers 503 and every answer asks its client to close the connection, while
     * everything is still served. Answers false if a stop had already begun.
     */
    boolean stopTakingTraffic() {
        return traffic.stop();
    }

    /** Requests being answered right now (the management port's probes and scrapes not counted). */
    int requestsInFlight() {
        return traffic.inFlight();
    }

    /**
     * Closes the service port to new connections and waits until every request already received is answered, at
     * most {@code http.drainTimeoutSeconds} (see {@link HttpVerticle#stop()}).
     */
    synchronized Future<?> drainHttp() {
        if (drained == null) {
            drained = vertx.undeploy(httpDeployment);
        }
        return drained;
    }

    /** The names of what runs beside the routes, e.g. {@code [projection]}. */
    List<String> backgroundServices() {
        return running.stream().map(NodeService.Running::name).toList();
    }

    /** Stops what runs beside the routes (the projector); its position is in Postgres, so nothing is lost. */
    void stopBackground() {
        running.forEach(NodeService.Running::close);
    }

    /**
     * Sends what the event producer still holds and closes it, then the health checks' Kafka client (its own
     * threads, which closing Vert.x does not stop: they would keep asking a gone broker).
     */
    Future<?> flushEvents() {
        return kafka.close().eventually(healthAdmin::close);
    }

    /** This node's own watchers of Hazelcast (the key ring's listener, the meters); before the member leaves. */
    void stopWatchingKeys() {
        hazelcastMeters.close();
        keys.close();
    }

    /** The Postgres pool. Near the end: nothing runs on it any more. */
    Future<Void> closePool() {
        try {
            directory.close();
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(Node.class).warn("closing the directory connections: {}", e.toString());
        }
        return pool.close();
    }

    /** Vert.x with what is left on it (the management port). Awaited apart from the pool: its own event loops end. */
    Future<Void> closeVertx() {
        return vertx.close();
    }

    /**
     * Every stage of {@link GracefulShutdown} that is the node's own, at once (no delay): for tests and embedders,
     * which close the {@link Infrastructure} themselves afterwards.
     */
    @Override
    public void close() throws Exception {
        stopTakingTraffic();
        await(drainHttp());
        stopBackground();
        await(flushEvents());
        stopWatchingKeys();
        await(closePool());
        await(closeVertx());
    }
}
