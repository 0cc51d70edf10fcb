package edu.lanyard.devruntime;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedKafkaTest {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

    private EmbeddedKafka kafka;

    @BeforeAll
    void startBroker(@TempDir Path dataDir) {
        kafka = EmbeddedKafka.start(dataDir, 0);
    }

    @AfterAll
    void stopBroker() {
        kafka.close();
    }

    @Test
    void roundTripsARecordWrittenWithAcksAll() throws Exception {
        try (KafkaProducer<String, String> producer = KafkaTestClients.producer(kafka.bootstrapServers())) {
            RecordMetadata written = producer.send(new ProducerRecord<>("round-trip", "grant-1", "issued")).get(10, TimeUnit.SECONDS);
            assertEquals(0, written.offset());
        }

        assertEquals(List.of("issued"), KafkaTestClients.readValues(kafka.bootstrapServers(), "round-trip", 1, READ_TIMEOUT));
    }

    @Test
    void createTopicIsIdempotent() throws Exception {
        kafka.createTopic("events", 3);
        kafka.createTopic("events", 3);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicDescription events = admin.describeTopics(Set.of("events")).allTopicNames().get(10, TimeUnit.SECONDS).get("events");
            assertEquals(3, events.partitions().size());
        }
    }

    @Test
    void stoppedBrokerFailsSendsAndRestartedBrokerKeepsItsData() throws Exception {
        String topic = "fault-injection";
        try (KafkaProducer<String, String> producer = KafkaTestClients.producer(kafka.bootstrapServers())) {
            producer.send(new ProducerRecord<>(topic, "k", "before-stop")).get(10, TimeUnit.SECONDS);

            kafka.stop();
            assertFalse(kafka.isRunning());
            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> producer.send(new ProducerRecord<>(topic, "k", "while-stopped")).get(10, TimeUnit.SECONDS));
            assertInstanceOf(TimeoutException.class, failure.getCause());

            kafka.restart();
            producer.send(new ProducerRecord<>(topic, "k", "after-restart")).get(20, TimeUnit.SECONDS);
        }

        assertEquals(List.of("before-stop", "after-restart"),
                KafkaTestClients.readValues(kafka.bootstrapServers(), topic, 2, READ_TIMEOUT));
    }
}
