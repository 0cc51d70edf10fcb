package edu.lanyard.cluster.event;

import edu.lanyard.core.config.ConfigLoader;
import edu.lanyard.core.config.LanyardConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The producer settings that decide what a client sees when a broker dies. */
class ProducerConfigTest {

    @Test
    void durabilityKafkaWaitsForEveryInSyncReplicaAndGivesUpWithinThePublishTimeout() {
        LanyardConfig.Kafka kafka = ConfigLoader.load(null, Map.of("LANYARD_KAFKA_BOOTSTRAP_SERVERS",
                "k1:9092,k2:9092,k3:9092", "LANYARD_KAFKA_PUBLISH_TIMEOUT_MS", "5000")).kafka();
        Map<String, String> config = KafkaEventPublisher.producerConfig(kafka, kafka.bootstrapServers(),
                LanyardConfig.Durability.KAFKA);
        assertEquals("k1:9092,k2:9092,k3:9092", config.get("bootstrap.servers"));
        assertEquals("all", config.get("acks"));
        assertEquals("true", config.get("enable.idempotence"));
        int delivery = Integer.parseInt(config.get("delivery.timeout.ms"));
        int request = Integer.parseInt(config.get("request.timeout.ms"));
        int linger = Integer.parseInt(config.get("linger.ms"));
        // the client's answer comes within the publish timeout, whatever the brokers do
        assertTrue(delivery <= kafka.publishTimeoutMs() + 100, "delivery.timeout.ms " + delivery);
        // Kafka refuses delivery < linger + request; a request to a broker that died silently (no RST) times out
        // early enough that the retry to the new leader still fits into the delivery timeout
        assertTrue(delivery >= linger + 2L * request, "one retry fits: request.timeout.ms " + request);
        assertTrue(Long.parseLong(config.get("max.block.ms")) <= 100, "send() never holds an event loop long");
        assertTrue(Integer.parseInt(config.get("socket.connection.setup.timeout.ms")) < kafka.publishTimeoutMs(),
                "a broker host that vanished is given up on before the publish times out");
    }

    @Test
    void theProducerUsesTheSharedSecuritySettings() {
        LanyardConfig.Kafka kafka = ConfigLoader.load(null, Map.of("LANYARD_KAFKA_BOOTSTRAP_SERVERS", "k1:9092",
                "LANYARD_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT", "LANYARD_KAFKA_SECURITY_SASL_USERNAME", "lanyard",
                "LANYARD_KAFKA_SECURITY_SASL_PASSWORD", "pw")).kafka();
        Map<String, String> config = KafkaEventPublisher.producerConfig(kafka, kafka.bootstrapServers(),
                LanyardConfig.Durability.KAFKA);
        assertEquals("SASL_PLAINTEXT", config.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", config.get("sasl.mechanism"));
        assertTrue(config.get("sasl.jaas.config").contains("username=\"lanyard\""));
    }
}
