package edu.lanyard.projection.coldstart;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MapStoreConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.zaxxer.hikari.HikariDataSource;
import edu.lanyard.common.config.LanyardConfig;
import edu.lanyard.common.jose.SigningKeys;
import edu.lanyard.common.json.Jsons;
import edu.lanyard.common.store.StoreMaps;
import edu.lanyard.projection.db.JdbcPools;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Makes a cluster that starts from nothing remember what the last one knew: the long-lived hot maps get loaders that
 * read the projections, and the signing key ring is written through to Postgres.
 *
 * <p>Initial load mode EAGER: the first {@code getMap} on a new cluster blocks until every still-valid entry is back
 * in memory, so a node reports ready only once it can answer for every token issued before the restart; a LAZY
 * map would start answering "invalid" for partitions not loaded yet, and a client that drops a refresh token on
 * {@code invalid_grant} would log its user out. The memory this needs is what the cluster held before it stopped.
 * Events the projector had not written at that moment are found on miss ({@link ColdStartWindow}).
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

    private ColdStart(LanyardConfig config, HikariDataSource database) {
        this.config = config;
        this.database = database;
        this.window = new ColdStartWindow(config.kafka().topic());
    }

    public static ColdStart create(LanyardConfig config) {
        return new ColdStart(config, JdbcPools.create(config.postgres(), "lanyard-coldstart", 4));
    }

    /** Adds the loaders to a member's configuration; call before the member starts. */
    public void configure(Config member) {
        Map<String, Function<ColdStartWindow, ProjectionLoader>> loaders = Map.of(
                StoreMaps.ACCESS_TOKENS, w -> new AccessTokenLoader(database, w),
                StoreMaps.REFRESH_TOKENS, w -> new RefreshTokenLoader(database, w),
                StoreMaps.REVOKED_GRANTS, w -> new RevokedGrantLoader(database, w),
                StoreMaps.SESSIONS, w -> new SessionLoader(database, w),
                StoreMaps.SESSION_GRANTS, w -> new SessionGrantsLoader(database, w),
                StoreMaps.CONSENTS, w -> new ConsentLoader(database, w));
        MapConfig base = member.getMapConfigOrNull("lanyard.*");
        loaders.forEach((name, loader) -> member.addMapConfig(withStore(base, name, loader.apply(window))));
        member.addMapConfig(withStore(base, SigningKeys.MAP_NAME, new SigningKeyStore(database)));
    }

    private static MapConfig withStore(MapConfig base, String name, Object store) {
        MapConfig map = base == null ? new MapConfig() : new MapConfig(base);
        return map.setName(name).setMapStoreConfig(new MapStoreConfig()
                .setEnabled(true)
                .setImplementation(store)
                .setWriteDelaySeconds(0)
                .setInitialLoadMode(MapStoreConfig.InitialLoadMode.EAGER));
    }

    /**
     * Learns when this member's cluster formed; the first member of a new cluster records it, with the topic's end
     * offsets at that moment. Call right after the member started, before any loaded map is used.
     */
    public ClusterEpoch join(HazelcastInstance hazelcast, String kafkaBootstrap) {
        IMap<String, String> cluster = hazelcast.getMap(CLUSTER_MAP);
        String known = cluster.get(EPOCH_KEY);
        if (known == null) {
            String mine = Jsons.write(new ClusterEpoch(Instant.now().toEpochMilli(), endOffsets(kafkaBootstrap)));
            String raced = cluster.putIfAbsent(EPOCH_KEY, mine);
            known = raced != null ? raced : mine;
            if (raced == null) {
                LOG.info("a new Hazelcast cluster formed: long-lived state is loaded from the projections");
            }
        }
        ClusterEpoch epoch = Jsons.read(known, ClusterEpoch.class);
        window.epochKnown(epoch);
        return epoch;
    }

    private Map<Integer, Long> endOffsets(String bootstrap) {
        String topic = config.kafka().topic();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(topic);
            Map<TopicPartition, OffsetSpec> latest = description.partitions().stream().collect(Collectors.toMap(
                    p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
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
