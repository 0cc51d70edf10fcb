package edu.lanyard.launcher;

import com.hazelcast.core.HazelcastInstance;
import edu.lanyard.cluster.hazelcast.HazelcastNode;
import edu.lanyard.cluster.kafka.KafkaClientProperties;
import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.devruntime.api.DevInfrastructure.EmbeddedBroker;
import edu.lanyard.directory.db.Migrations;
import edu.lanyard.projection.coldstart.ColdStart;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The blocking start-up work done before any event loop runs: the database (created if asked, then migrated), the
 * Kafka broker (embedded in dev, from the dev runtime) and topic, and this process's Hazelcast.
 */
public final class Infrastructure implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Infrastructure.class);
    private final EmbeddedBroker embeddedKafka;
    private final String kafkaBootstrap;
    private final HazelcastInstance hazelcast;
    private final ColdStart coldStart;

    private Infrastructure(EmbeddedBroker embeddedKafka, String kafkaBootstrap, HazelcastInstance hazelcast,
                           ColdStart coldStart) {
        this.embeddedKafka = embeddedKafka;
        this.kafkaBootstrap = kafkaBootstrap;
        this.hazelcast = hazelcast;
        this.coldStart = coldStart;
    }

    public static Infrastructure start(LanyardConfig config) {
        Migrations.apply(config.postgres());   // creates the database first if postgres.createDatabase says so
        LanyardConfig.Kafka kafka = config.kafka();
        EmbeddedBroker embedded = kafka.embedded()
                ? DevRuntime.require().startKafka(Path.of(kafka.dataDir()), kafka.embeddedPort())
                : null;
        String bootstrap = embedded != null ? embedded.bootstrapServers() : kafka.bootstrapServers();
        ensureTopic(bootstrap, kafka);
        // A member of a cluster that starts from nothing reloads tokens, sessions and keys from Postgres.
        ColdStart coldStart = ColdStart.create(config);
        HazelcastInstance hazelcast = HazelcastNode.start(config.hazelcast(), coldStart::configure);
        if (!config.hazelcast().client()) {
            coldStart.join(hazelcast, bootstrap);
        }
        return new Infrastructure(embedded, bootstrap, hazelcast, coldStart);
    }

    /** For tests that bring their own broker and Hazelcast member. */
    public static Infrastructure of(String kafkaBootstrap, HazelcastInstance hazelcast) {
        return new Infrastructure(null, kafkaBootstrap, hazelcast, null);
    }

    /**
     * Creates the event topic if missing (with the configured partitions, replication factor and, if set,
     * {@code min.insync.replicas}) and waits until every partition has a leader: an idempotent producer that sends to
     * a partition without one can stall, and the first token requests would then time out. A topic that exists with
     * fewer replicas than configured is used as it is, with a warning: Lanyard does not reassign partitions.
     */
    static void ensureTopic(String bootstrap, LanyardConfig.Kafka kafka) {
        Map<String, Object> client = KafkaClientProperties.with(kafka, bootstrap, Map.of("client.id", "lanyard-setup"));
        try (Admin admin = Admin.create(client)) {
            try {
                admin.createTopics(List.of(newTopic(kafka))).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            awaitLeaders(admin, kafka);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(KafkaStartFailure.describe(bootstrap, kafka, e), e);
        }
    }

    static NewTopic newTopic(LanyardConfig.Kafka kafka) {
        NewTopic topic = new NewTopic(kafka.topic(), kafka.topicPartitions(), kafka.replicationFactor());
        if (kafka.minInsyncReplicas() > 0) {
            topic.configs(Map.of("min.insync.replicas", String.valueOf(kafka.minInsyncReplicas())));
        }
        return topic;
    }

    private static void awaitLeaders(Admin admin, LanyardConfig.Kafka kafka) throws Exception {
        String topic = kafka.topic();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                var description = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                        .get(topic);
                if (description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                    int replicas = description.partitions().get(0).replicas().size();
                    if (replicas < kafka.replicationFactor()) {
                        LOG.warn("topic {} has {} replicas per partition, fewer than kafka.replicationFactor {};"
                                + " it was created before, and Lanyard leaves it as it is", topic, replicas,
                                kafka.replicationFactor());
                    }
                    return;
                }
            } catch (ExecutionException e) {
                // A topic just created may not be in the metadata of the broker asked yet: that passes.
                if (!(e.getCause() instanceof RetriableException)) {
                    throw e;
                }
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("topic " + topic + " has partitions without a leader");
            }
            Thread.sleep(100);
        }
    }

    /** The cold-start loaders' JDBC pool as {@code hikaricp_*} meters (once: a pool takes one registry). */
    void bindMetrics(MeterRegistry meters) {
        if (coldStart != null) {
            coldStart.bindMetrics(meters);
        }
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    public HazelcastInstance hazelcast() {
        return hazelcast;
    }

    /**
     * Leaves the Hazelcast cluster gracefully: {@code shutdown()}, never {@code terminate()}, so this member's
     * partitions (owned and backup) move to the others first and no entry is left without its backups. Bounded by
     * {@code hazelcast.shutdownTimeoutSeconds}. Blocking.
     */
    public void leaveCluster() {
        hazelcast.shutdown();
    }

    /** Leaves the cluster (if not yet done), then closes the cold-start pool and the dev broker. */
    @Override
    public void close() {
        leaveCluster();
        if (coldStart != null) {
            coldStart.close();
        }
        if (embeddedKafka != null) {
            embeddedKafka.close();
        }
    }
}
