package edu.lanyard.launcher;

import com.hazelcast.core.HazelcastInstance;
import edu.lanyard.cluster.hazelcast.HazelcastNode;
import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.devruntime.api.DevInfrastructure.EmbeddedBroker;
import edu.lanyard.directory.db.Migrations;
import edu.lanyard.projection.coldstart.ColdStart;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;

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
     * Creates the event topic if missing and waits until every partition has a leader: an idempotent producer that
     * sends to a partition without one can stall, and the first token requests would then time out.
     */
    static void ensureTopic(String bootstrap, LanyardConfig.Kafka kafka) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            try {
                admin.createTopics(List.of(new NewTopic(kafka.topic(), kafka.partitions(),
                        kafka.replicationFactor()))).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + kafka.topic() + ": " + e.getMessage(), e);
                }
            }
            awaitLeaders(admin, kafka.topic());
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot reach Kafka at " + bootstrap + ": " + e.getMessage(), e);
        }
    }

    private static void awaitLeaders(Admin admin, String topic) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                var description = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                        .get(topic);
                if (description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
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

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    public HazelcastInstance hazelcast() {
        return hazelcast;
    }

    @Override
    public void close() {
        hazelcast.shutdown();
        if (coldStart != null) {
            coldStart.close();
        }
        if (embeddedKafka != null) {
            embeddedKafka.close();
        }
    }
}
