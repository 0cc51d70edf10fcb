package edu.lanyard.core.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaPartitionsConfigTest {

    @Test
    void automaticByDefaultOneOnTheEmbeddedBrokerTwelveOnACluster() {
        assertEquals(0, ConfigLoader.load(null, Map.of()).kafka().partitions());
        assertEquals(1, kafka(Map.of("LANYARD_KAFKA_BOOTSTRAP_SERVERS", "embedded")).topicPartitions());
        assertEquals(12, kafka(Map.of("LANYARD_KAFKA_BOOTSTRAP_SERVERS", "kafka-0:9092")).topicPartitions());
    }

    @Test
    void anExplicitCountWinsEverywhere() {
        assertEquals(3, kafka(Map.of("LANYARD_KAFKA_BOOTSTRAP_SERVERS", "embedded",
                "LANYARD_KAFKA_PARTITIONS", "3")).topicPartitions());
        assertEquals(24, kafka(Map.of("LANYARD_KAFKA_BOOTSTRAP_SERVERS", "kafka-0:9092",
                "LANYARD_KAFKA_PARTITIONS", "24")).topicPartitions());
    }

    @Test
    void aNegativeCountIsRefusedNamingTheSetting() {
        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> kafka(Map.of("LANYARD_KAFKA_PARTITIONS", "-1")));
        assertTrue(String.valueOf(refused.getMessage()).contains("kafka.partitions"), refused.getMessage());
    }

    private static LanyardConfig.Kafka kafka(Map<String, String> env) {
        return ConfigLoader.load(null, env).kafka();
    }
}
