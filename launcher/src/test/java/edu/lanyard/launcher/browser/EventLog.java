package edu.lanyard.launcher.browser;

import edu.lanyard.core.event.EventCodec;
import edu.lanyard.core.event.LifecycleEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Reads a node's lifecycle events back from its Kafka topic, as the projection service would. */
final class EventLog {
    private EventLog() {
    }

    /** The topic's events from the start, read until {@code enough} holds or fifteen seconds pass. */
    static List<LifecycleEvent> readUntil(String bootstrap, String topic, Predicate<List<LifecycleEvent>> enough) {
        Map<String, Object> config = Map.of(
                "bootstrap.servers", bootstrap,
                "group.id", "browser-tests-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest",
                "enable.auto.commit", "false");
        List<LifecycleEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!enough.test(events) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    events.add(EventCodec.decode(record.value()));
                }
            }
        }
        return events;
    }
}
