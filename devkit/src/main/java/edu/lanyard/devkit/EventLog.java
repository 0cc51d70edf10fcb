package edu.lanyard.devkit;

import edu.lanyard.core.event.EventCodec;
import edu.lanyard.core.event.LifecycleEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A node's lifecycle events read straight from its Kafka topic, from the beginning, as the projection service reads
 * them: the system of record integration tests check against.
 */
public final class EventLog {
    private EventLog() {
    }

    /** Everything in the topic up to its end offsets at the time of the call. */
    public static List<LifecycleEvent> readAll(String bootstrap, String topic) {
        try (KafkaConsumer<String, String> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions = fromTheBeginning(consumer, topic);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<LifecycleEvent> events = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end");
                }
                poll(consumer, events);
            }
            return events;
        }
    }

    /**
     * The topic's events from the beginning, read until {@code enough} holds of them or fifteen seconds pass (for
     * events published asynchronously after the request that caused them); the caller asserts on what came.
     */
    public static List<LifecycleEvent> readUntil(String bootstrap, String topic,
                                                 Predicate<List<LifecycleEvent>> enough) {
        try (KafkaConsumer<String, String> consumer = consumer(bootstrap)) {
            fromTheBeginning(consumer, topic);
            List<LifecycleEvent> events = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!enough.test(events) && System.nanoTime() < deadline) {
                poll(consumer, events);
            }
            return events;
        }
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap) {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap, "enable.auto.commit", "false"),
                new StringDeserializer(), new StringDeserializer());
    }

    private static List<TopicPartition> fromTheBeginning(KafkaConsumer<String, String> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return partitions;
    }

    private static void poll(KafkaConsumer<String, String> consumer, List<LifecycleEvent> events) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
            events.add(EventCodec.decode(record.value()));
        }
    }
}
