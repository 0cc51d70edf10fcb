package edu.lanyard.devruntime;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EmbeddedKafkaDataDirTest {

    @Test
    void aNewBrokerOnAnExistingDataDirectoryKeepsTheRecordsAndTheChosenPort(@TempDir Path dataDir) throws Exception {
        int port = LoopbackPorts.free();
        try (EmbeddedKafka first = EmbeddedKafka.start(dataDir, port);
             KafkaProducer<String, String> producer = KafkaTestClients.producer(first.bootstrapServers())) {
            assertEquals("127.0.0.1:" + port, first.bootstrapServers());
            producer.send(new ProducerRecord<>("durable", "k", "kept")).get(10, TimeUnit.SECONDS);
        }

        try (EmbeddedKafka second = EmbeddedKafka.start(dataDir, port)) {
            assertEquals(List.of("kept"),
                    KafkaTestClients.readValues(second.bootstrapServers(), "durable", 1, Duration.ofSeconds(20)));
        }
    }

    @Test
    void rejectsAnImpossiblePort(@TempDir Path dataDir) {
        assertThrows(IllegalArgumentException.class, () -> EmbeddedKafka.start(dataDir, 70_000));
    }
}
