package edu.lanyard.projection;

import edu.lanyard.core.event.EventCodec;
import edu.lanyard.core.event.LifecycleEvent;
import edu.lanyard.devkit.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** A fresh topic on the test broker, written like the event publisher writes it (key, acks=all). */
final class EventTopic implements AutoCloseable {
    private final String bootstrap;
    private final String name;
    private final KafkaProducer<String, String> producer;
    private long sent;

    EventTopic(int partitions) throws Exception {
        this.bootstrap = TestInfrastructure.shared().kafkaBootstrap();
        this.name = "projection-test-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
            // A first send to a partition without a leader yet can leave the idempotent producer out of sequence.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!admin.describeTopics(List.of(name)).allTopicNames().get(30, TimeUnit.SECONDS).get(name)
                    .partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no leaders for " + name);
                }
                Thread.sleep(50);
            }
        }
        this.producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "acks", "all",
                "enable.idempotence", "true"), new StringSerializer(), new StringSerializer());
    }

    String bootstrap() {
        return bootstrap;
    }

    String name() {
        return name;
    }

    long sent() {
        return sent;
    }

    /** Sends and waits for the broker; each record is stamped with its event's time, as in production. */
    void send(List<LifecycleEvent> events) throws Exception {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (LifecycleEvent event : events) {
            acks.add(producer.send(new ProducerRecord<>(name, null, event.meta().at(), event.key(),
                    EventCodec.encode(event))));
        }
        for (Future<RecordMetadata> ack : acks) {
            ack.get(60, TimeUnit.SECONDS);
        }
        sent += events.size();
    }

    void sendRaw(String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(name, key, value)).get(60, TimeUnit.SECONDS);
        sent++;
    }

    @Override
    public void close() {
        producer.close();
    }
}
