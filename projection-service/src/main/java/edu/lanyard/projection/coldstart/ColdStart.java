package edu.lanyard.projection.coldstart;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MapStoreConfig;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.zaxxer.hikari.HikariDataSource;
import edu.lanyard.cluster.jose.SigningKeys;
import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.core.json.Jsons;
import edu.lanyard.core.store.StoreMaps;
import edu.lanyard.projection.db.JdbcPools;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Makes a cluster that starts from nothing remember what the last one knew: the long-lived hot maps get loaders that
 * read the projections, and the signing key ring is written through to Postgres.
 *
 * <p>Initial load mode EAGER: the first {@code getMap} on a new cluster blocks until every entry the projections
 * hold as valid is back in memory, so a node reports ready only once it can answer for the tokens issued before
 * the restart; a LAZY map would start answering "invalid" for partitions not loaded yet, and a client that drops a
 * refresh token on {@code invalid_grant} would log its user out. The memory this needs is what the cluster held
 * before it stopped. What the projector had not written at that moment is handled by {@link ColdStartWindow}: found
 * on miss, then loaded in one top-up pass once the projection has caught up.
 *
 * <p>Only for embedded members: an external cluster (client mode) must configure these loaders itself.
 */
public final class ColdStart implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ColdStart.class);
    static final String CLUSTER_MAP = "lanyard.cluster";
    private static final String EPOCH_KEY = "epoch";
    private static final String TOPPED_UP_KEY = "topped-up";
    private static final long CATCH_UP_POLL_MS = 1_000;

    private final LanyardConfig config;
    private final HikariDataSource database;
    private final ColdStartWindow window;
    private final Map<String, ProjectionLoader> loaders = new LinkedHashMap<>();
    private volatile Admin kafka;
    private volatile Thread topUp;

    private ColdStart(LanyardConfig config, HikariDataSource database) {
        this.config = config;
        this.database = database;
        this.window = new ColdStartWindow(config.kafka().topic(), database);
        loaders.put(StoreMaps.ACCESS_TOKENS, new AccessTokenLoader(database, window));
        loaders.put(StoreMaps.REFRESH_TOKENS, new RefreshTokenLoader(database, window));
        loaders.put(StoreMaps.REVOKED_GRANTS, new RevokedGrantLoader(database, window));
        loaders.put(StoreMaps.SESSIONS, new SessionLoader(database, window));
        loaders.put(StoreMaps.SESSION_GRANTS, new SessionGrantsLoader(database, window));
        loaders.put(StoreMaps.CONSENTS, new ConsentLoader(database, window));
    }

    public static ColdStart create(LanyardConfig config) {
        // The initial load of a large projection runs many partition batches at once: they queue for connections.
        return new ColdStart(config, JdbcPools.create(config.postgres(), "lanyard-coldstart", 4,
                java.time.Duration.ofMinutes(5)));
    }

    /** Adds the loaders to a member's configuration; call before the member starts. */
    public void configure(Config member) {
        MapConfig base = member.getMapConfigOrNull("lanyard.*");
        loaders.forEach((name, loader) -> member.addMapConfig(withStore(base, name, loader)));
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
     * Joins the cluster's cold-start story; call right after the member started. The first member of a new cluster
     * records when it formed (with the topic's end offsets then), loads the maps, and later tops them up.
     */
    public ClusterEpoch join(HazelcastInstance hazelcast, String kafkaBootstrap) {
        kafka = Admin.create(Map.of("bootstrap.servers", kafkaBootstrap, "default.api.timeout.ms", "5000",
                "request.timeout.ms", "3000"));
        IMap<String, String> cluster = hazelcast.getMap(CLUSTER_MAP);
        String known = cluster.get(EPOCH_KEY);
        boolean formed = false;
        if (known == null) {
            String mine = Jsons.write(new ClusterEpoch(Instant.now().toEpochMilli(), endOffsets()));
            String raced = cluster.putIfAbsent(EPOCH_KEY, mine);
            formed = raced == null;
            known = formed ? mine : raced;
        }
        ClusterEpoch epoch = Jsons.read(known, ClusterEpoch.class);
        window.epochKnown(epoch, kafka);
        cluster.addEntryListener((EntryAddedListener<String, String>) this::toppedUp, TOPPED_UP_KEY, false);
        loaders.keySet().forEach(hazelcast::getMap);
        window.enter(ColdStartWindow.Phase.FENCED);
        if (cluster.containsKey(TOPPED_UP_KEY)) {
            window.enter(ColdStartWindow.Phase.CLOSED);
        } else if (formed) {
            LOG.info("a new Hazelcast cluster formed: long-lived state was loaded from the projections");
            Thread thread = new Thread(() -> topUp(hazelcast, cluster), "lanyard-coldstart-topup");
            thread.setDaemon(true);
            thread.start();
            topUp = thread;
        }
        return epoch;
    }

    private void toppedUp(EntryEvent<String, String> event) {
        window.enter(ColdStartWindow.Phase.CLOSED);
    }

    /**
     * Waits for the projection to catch up with the restart, then loads whatever valid entry the cluster still
     * lacks (each load fenced, see {@link ColdStartWindow#fence}) and tells every member that misses are misses now.
     */
    private void topUp(HazelcastInstance hazelcast, IMap<String, String> cluster) {
        try {
            while (!window.caughtUpWithTheRestart()) {
                Thread.sleep(CATCH_UP_POLL_MS);
            }
            int loaded = 0;
            for (Map.Entry<String, ProjectionLoader> map : loaders.entrySet()) {
                IMap<String, String> target = hazelcast.getMap(map.getKey());
                HashSet<String> keys = new HashSet<>(map.getValue().validKeys());
                int before = target.size();
                target.loadAll(keys, false);
                loaded += Math.max(0, target.size() - before);
            }
            cluster.put(TOPPED_UP_KEY, Instant.now().toString());
            window.enter(ColdStartWindow.Phase.CLOSED);
            LOG.info("cold start complete: the projection caught up with the restart; {} entries topped up", loaded);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException | RuntimeException e) {
            LOG.error("cold-start top-up failed; misses keep being looked up in the projections", e);
        }
    }

    private Map<Integer, Long> endOffsets() {
        String topic = config.kafka().topic();
        try {
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
        Thread running = topUp;
        if (running != null) {
            running.interrupt();
        }
        if (kafka != null) {
            kafka.close();
        }
        database.close();
    }
}
