package edu.lanyard.launcher;

import com.nimbusds.jose.jwk.JWKSet;
import edu.lanyard.cluster.event.KafkaEventPublisher;
import edu.lanyard.cluster.jose.SigningKeys;
import edu.lanyard.cluster.store.HazelcastAccessTokens;
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
import edu.lanyard.core.crypto.PasswordHasher;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.domain.User;
import edu.lanyard.core.event.EventPublisher;
import edu.lanyard.core.event.FireAndForgetPublisher;
import edu.lanyard.core.jose.JwtSigner;
import edu.lanyard.core.ledger.Ledger;
import edu.lanyard.core.metrics.Meters;
import edu.lanyard.core.oidc.IdTokenFactory;
import edu.lanyard.core.oidc.JwtAccessTokens;
import edu.lanyard.core.runtime.Platform;
import edu.lanyard.core.store.AccessTokens;
import edu.lanyard.core.store.AuthorizationCodes;
import edu.lanyard.core.store.GrantRevocations;
import edu.lanyard.core.store.LoginAttempts;
import edu.lanyard.core.store.RefreshTokens;
import edu.lanyard.core.token.TokenIssuer;
import edu.lanyard.core.token.TokenRevoker;
import edu.lanyard.core.token.TokenValidator;
import edu.lanyard.core.user.CountingLoginThrottle;
import edu.lanyard.core.user.PasswordCheck;
import edu.lanyard.core.user.UserLookup;
import edu.lanyard.dialects.ProductDialects;
import edu.lanyard.directory.db.ClientDirectory;
import edu.lanyard.directory.db.PgPools;
import edu.lanyard.directory.db.UserDirectory;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.kafka.admin.KafkaAdminClient;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One running Lanyard process: Vert.x, the shared platform, and the HTTP verticles of the chosen services.
 */
public final class Node implements AutoCloseable {
    private final Vertx vertx;
    private final Infrastructure infrastructure;
    private final SigningKeys keys;
    private final Platform platform;
    private final Pool pool;
    private final KafkaEventPublisher kafka;
    private final List<NodeService.Running> running;
    private final int managementPort;

    private Node(Vertx vertx, Infrastructure infrastructure, SigningKeys keys, Platform platform, Pool pool,
                 KafkaEventPublisher kafka, List<NodeService.Running> running, int managementPort) {
        this.vertx = vertx;
        this.infrastructure = infrastructure;
        this.keys = keys;
        this.platform = platform;
        this.pool = pool;
        this.kafka = kafka;
        this.running = running;
        this.managementPort = managementPort;
    }

    /** Blocking: builds the platform and binds the HTTP port; returns once the node serves requests. */
    public static Node start(LanyardConfig config, Infrastructure infrastructure, List<ServiceMount> services)
            throws Exception {
        return start(config, infrastructure, services, List.of());
    }

    /** As {@link #start(LanyardConfig, Infrastructure, List)}, also running {@code background} services. */
    public static Node start(LanyardConfig config, Infrastructure infrastructure, List<ServiceMount> services,
                             List<NodeService> background) throws Exception {
        ProductDialects.enabled(config.dialects()); // a misspelt or mistyped dialect option stops the start here
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        Clock clock = Clock.systemUTC();
        SigningKeys keys = SigningKeys.join(infrastructure.hazelcast(), clock);
        PrometheusMeterRegistry meters = Meters.prometheus();
        Pool pool = PgPools.create(vertx, config.postgres());
        ClientDirectory clients = await(ClientDirectory.start(vertx, pool, config.postgres()));
        UserDirectory users = await(UserDirectory.start(vertx, pool, config.postgres()));
        PasswordHasher passwordHasher = PasswordHasher.fromConfig(config.login());
        ClientSecretHasher secretHasher = new ClientSecretHasher();

        KafkaEventPublisher kafka = new KafkaEventPublisher(vertx, config.kafka(), infrastructure.kafkaBootstrap(),
                meters, config.durability());
        EventPublisher events = config.durability() == LanyardConfig.Durability.MEMORY
                ? new FireAndForgetPublisher(vertx, kafka, KafkaEventPublisher.BACKGROUND_DELIVERY_TIMEOUT_MS, meters)
                : kafka;
        Ledger ledger = new Ledger(config.durability(), events, clock);

        var hz = infrastructure.hazelcast();
        AccessTokens accessTokens = new HazelcastAccessTokens(vertx, hz, clock);
        RefreshTokens refreshTokens = new HazelcastRefreshTokens(vertx, hz, clock);
        GrantRevocations revocations = new HazelcastGrantRevocations(vertx, hz);
        JwtSigner signer = new JwtSigner(keys);
        TokenIssuer issuer = new TokenIssuer(accessTokens, refreshTokens, ledger,
                new JwtAccessTokens(config.issuer(), signer));
        UserLookup userLookup = new UserLookup() {
            @Override
            public Future<Optional<User>> byUsername(String username) {
                return users.byUsername(username);
            }

            @Override
            public Future<Optional<User>> bySubject(String subject) {
                return users.bySubject(subject);
            }
        };
        PasswordCheck passwordCheck = (user, password) -> user == null || user.passwordHash() == null
                ? passwordHasher.verifyAgainstDummy(vertx, password).map(ignored -> false)
                : passwordHasher.verify(vertx, user.passwordHash(), password);

        ClientLookup clientLookup = new ClientLookup() {
            @Override
            public Optional<Client> find(String clientId) {
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
        Platform platform = new Platform(vertx, config, clock, meters, clientLookup,
                new ClientAuthenticator(clients::find, secretHasher::matches), userLookup, passwordCheck,
                new CountingLoginThrottle(new HazelcastLoginAttempts(vertx, hz), ledger, config.login()),
                refreshTokens, new HazelcastAuthorizationCodes(vertx, hz, clock), revocations, ledger, issuer,
                new TokenValidator(accessTokens, refreshTokens, revocations, clock),
                new TokenRevoker(accessTokens, refreshTokens, revocations, ledger),
                new IdTokenFactory(config.issuer(), config.tokens().idTokenTtl(), userLookup, signer, clock),
                () -> new JsonObject(keys.publicJwks().toJSONObject(true)),
                new HazelcastSessions(vertx, hz, clock), new HazelcastAuthFailureWindows(vertx, hz),
                new HazelcastSharedMaps(vertx, hz));

        KafkaAdminClient kafkaAdmin = KafkaAdminClient.create(vertx,
                Map.of("bootstrap.servers", infrastructure.kafkaBootstrap(), "request.timeout.ms", "1000",
                        "default.api.timeout.ms", "1000"));
        HealthChecks health = new HealthChecks()
                .add("hazelcast", () -> hz.getLifecycleService().isRunning()
                        ? Future.succeededFuture() : Future.failedFuture("hazelcast is not running"))
                .addDependency("kafka", () -> kafkaAdmin.describeCluster().compose(cluster -> cluster.getNodes().isEmpty()
                        ? Future.failedFuture("no broker") : Future.succeededFuture()))
                .addDependency("postgres", () -> pool.query("select 1").execute());

        scheduleKeyRotation(vertx, keys, config.tokens());
        List<NodeService.Running> running = new ArrayList<>();
        for (NodeService service : background) {
            NodeService.Running started = service.start(platform, infrastructure);
            running.add(started);
            health.addDependency(started.name(), started::health);
        }
        List<ServiceMount> mounts = new ArrayList<>(services);
        running.forEach(started -> mounts.add((router, p) -> started.mount(router)));

        int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
        await(vertx.deployVerticle(() -> new HttpVerticle(platform, mounts, health, MetricsScrape.scrapeHandler(meters)),
                new DeploymentOptions().setInstances(instances)));
        int managementPort = -1;
        if (config.management().enabled()) {
            ManagementVerticle management = new ManagementVerticle(config.management(), health,
                    MetricsScrape.scrapeHandler(meters));
            await(vertx.deployVerticle(management));
            managementPort = management.port();
        }
        return new Node(vertx, infrastructure, keys, platform, pool, kafka, List.copyOf(running), managementPort);
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

    @Override
    public void close() throws Exception {
        running.forEach(NodeService.Running::close);
        await(kafka.close());
        await(pool.close());
        await(vertx.close());
        keys.close();
    }
}
