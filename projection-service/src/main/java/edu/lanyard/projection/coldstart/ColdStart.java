package edu.lanyard.projection.coldstart;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MapStoreConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.zaxxer.hikari.HikariDataSource;
import edu.lanyard.cluster.jose.SigningKeys;
import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.core.json.Jsons;
import edu.lanyard.core.store.StoreMaps;
import edu.lanyard.projection.db.JdbcPools;
import io.micrometer.core.instrument.MeterRegistry;
import edu.lanyard.cluster.kafka.KafkaClientProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Makes a cluster that starts from nothing remember what the last one knew: the hot maps get loaders that answer a
 * miss from the projections, and the signing key ring is written through to Postgres.
 *
 * <p>Nothing but the signing key ring is loaded at start ({@code InitialLoadMode.LAZY} with no keys): a restarted
 * cluster is ready in seconds whatever the projections hold, and fills itself with what is asked for. Whether a
 * miss may be answered yet is {@link ColdStartWindow}'s to say; that a removal since the restart is never undone by
 * a miss is the stores' (they keep a removed entry as a marker until it would have expired).
 *
 * <p>Only for embedded members: an external cluster (client mode) must configure these loaders itself.
 */
public final class ColdStart implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ColdStart.class);
    static final String CLUSTER_MAP = "lanyard.cluster";
    private static final String EPOCH_KEY = "epoch";

    private final LanyardConfig config;
    private final HikariDataSource database;
    private final ColdStartWindow window;
    private final Map<String, ProjectionLoader> loaders = new LinkedHashMap<>();

    private ColdStart(LanyardConfig config, HikariDataSource database, Clock clock) {
        this.config = config;
        this.database = database;
        this.window = new ColdStartWindow(config.kafka().topic(), database);
        loaders.put(StoreMaps.ACCESS_TOKENS, new AccessTokenLoader(database, window, clock));
        loaders.put(StoreMaps.REFRESH_TOKENS, new RefreshTokenLoader(database, window, clock));
        loaders.put(StoreMaps.REVOKED_GRANTS, new RevokedGrantLoader(database, window, clock));
        loaders.put(StoreMaps.SESSIONS, new SessionLoader(database, window, clock));
        loaders.put(StoreMaps.SESSION_GRANTS, new SessionGrantsLoader(database, window, clock));
        loaders.put(StoreMaps.CONSENTS, new ConsentLoader(database, window, clock));
    }

    public static ColdStart create(LanyardConfig config) {
        // Misses of many partitions are loaded at once after a restart: they queue for connections.
        return new ColdStart(config, JdbcPools.create(config.postgres(), "lanyard-coldstart", 4,
                java.time.Duration.ofSeconds(10)), Clock.systemUTC());
    }

    /**
     * Publishes the loaders' JDBC pool as Hikari's {@code hikaricp_*} meters (pool {@code lanyard-coldstart}). A pool
     * takes one registry for its life: a second call (another node on the same infrastructure) changes nothing.
     */
    public void bindMetrics(MeterRegistry meters) {
        if (database.getMetricRegistry() == null) {
            database.setMetricRegistry(meters);
        }
    }

    /** Adds the loaders to a member's configuration; call before the member starts. */
    public void configure(Config member) {
        MapConfig base = member.getMapConfigOrNull("lanyard.*");
        loaders.forEach((name, loader) -> member.addMapConfig(withStore(base, name, loader,
                MapStoreConfig.InitialLoadMode.LAZY)));
        // The key ring is a handful of entries that every token signature needs: loaded before the member serves.
        member.addMapConfig(withStore(base, SigningKeys.MAP_NAME, new SigningKeyStore(database),
                MapStoreConfig.InitialLoadMode.EAGER));
    }

    private static MapConfig withStore(MapConfig base, String name, Object store,
                                       MapStoreConfig.InitialLoadMode mode) {
        MapConfig map = base == null ? new MapConfig() : new MapConfig(base);
        return map.setName(name).setMapStoreConfig(new MapStoreConfig()
                .setEnabled(true)
                .setImplementation(store)
                .setWriteDelaySeconds(0)
                .setInitialLoadMode(mode));
    }

    /**
     * Joins the cluster's cold-start story; call right after the member started. The first member of a new cluster
     * records when it formed, with the topic's end offsets then: what the projector must reach before a miss for
     * something issued earlier can be answered "not there".
     */
    public ClusterEpoch join(HazelcastInstance hazelcast, String kafkaBootstrap) {
        IMap<String, String> cluster = hazelcast.getMap(CLUSTER_MAP);
        String known = cluster.get(EPOCH_KEY);
        if (known == null) {
            String mine = Jsons.write(new ClusterEpoch(Instant.now().toEpochMilli(), endOffsets(kafkaBootstrap)));
            String raced = cluster.putIfAbsent(EPOCH_KEY, mine);
            if (raced == null) {
                LOG.info("a new Hazelcast cluster formed: what was issued before is looked up in the projections"
                        + " on first use");
                analyseProjections();
            }
            known = raced == null ? mine : raced;
        }
        ClusterEpoch epoch = Jsons.read(known, ClusterEpoch.class);
        window.epochKnown(epoch);
        return epoch;
    }

    /**
     * Refreshes the planner's statistics of the tables the loaders read. After a bulk of issuance autovacuum may not
     * have analysed them yet, and with statistics that still say "nearly empty" Postgres answers a lookup by key by
     * walking a whole index: seconds per miss with a million tokens. ANALYZE reads a fixed-size sample, so this takes
     * about a second whatever the size; a failure only costs slower first misses.
     */
    private void analyseProjections() {
        long started = System.nanoTime();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("set local statement_timeout = '20s'");
            statement.execute("analyze projection.tokens, projection.grants, projection.sessions,"
                    + " projection.consents");
            connection.commit();
            LOG.info("cold start: projection statistics refreshed in {} ms", (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            LOG.warn("cold start: could not refresh the projection statistics ({}); first lookups may be slow",
                    e.getSQLState());
        }
    }

    private Map<Integer, Long> endOffsets(String kafkaBootstrap) {
        String topic = config.kafka().topic();
        try (Admin kafka = Admin.create(KafkaClientProperties.with(config.kafka(), kafkaBootstrap, Map.of(
                "default.api.timeout.ms", "5000", "request.timeout.ms", "3000", "client.id", "lanyard-coldstart")))) {
            TopicDescription description = kafka.describeTopics(List.of(topic)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(topic);
            Map<TopicPartition, OffsetSpec> latest = description.partitions().stream().collect(Collectors.toMap(
                    p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = kafka.listOffsets(latest).all()
                    .get(30, TimeUnit.SECONDS);
            Map<Integer, Long> offsets = new HashMap<>();
            ends.forEach((partition, info) -> offsets.put(partition.partition(), info.offset()));
            return offsets;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the end of " + topic, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
