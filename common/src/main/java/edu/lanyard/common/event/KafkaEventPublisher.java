package edu.lanyard.common.event;

import edu.lanyard.common.config.LanyardConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;

import java.util.HashMap;
import java.util.Map;

/**
 * Publishes lifecycle events to the Kafka topic with {@code acks=all} and idempotence. In durability mode
 * {@code KAFKA} the returned future completes only when the broker has the event; if it cannot take it within the
 * publish timeout, the future fails and the caller answers 503 after rolling back the hot state.
 */
public final class KafkaEventPublisher implements EventPublisher {
    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final Timer publishLatency;

    /**
     * In durability mode {@code MEMORY} nobody waits for the broker, so a send keeps retrying this long (through a
     * broker restart, say) before the event is given up and counted as unpublished.
     */
    static final int BACKGROUND_DELIVERY_TIMEOUT_MS = 120_000;

    public KafkaEventPublisher(Vertx vertx, LanyardConfig.Kafka kafka, String bootstrapServers, MeterRegistry meters) {
        this(vertx, kafka, bootstrapServers, meters, LanyardConfig.Durability.KAFKA);
    }

    public KafkaEventPublisher(Vertx vertx, LanyardConfig.Kafka kafka, String bootstrapServers, MeterRegistry meters,
                               LanyardConfig.Durability durability) {
        this.producer = KafkaProducer.createShared(vertx, "lanyard-events",
                producerConfig(kafka, bootstrapServers, durability));
        this.topic = kafka.topic();
        this.publishLatency = Timer.builder("lanyard.kafka.publish")
                .description("Time from handing an event to the producer until the broker acknowledged it")
                .publishPercentileHistogram()
                .register(meters);
    }

    static Map<String, String> producerConfig(LanyardConfig.Kafka kafka, String bootstrapServers,
                                              LanyardConfig.Durability durability) {
        int timeout = kafka.publishTimeoutMs();
        int deliveryTimeout = durability == LanyardConfig.Durability.MEMORY
                ? Math.max(timeout + 10, BACKGROUND_DELIVERY_TIMEOUT_MS) : timeout + 10;
        Map<String, String> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        config.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        config.put("acks", "all");
        config.put("enable.idempotence", "true");
        // A little lingering lets concurrent requests share one produce request; it bounds latency, not throughput.
        config.put("linger.ms", "2");
        config.put("compression.type", "lz4");
        config.put("max.block.ms", String.valueOf(timeout));
        config.put("request.timeout.ms", String.valueOf(Math.max(500, timeout / 2)));
        config.put("delivery.timeout.ms", String.valueOf(deliveryTimeout));
        config.put("reconnect.backoff.max.ms", "1000");
        config.put("client.id", "lanyard-publisher");
        return config;
    }

    @Override
    public Future<Void> publish(LifecycleEvent event) {
        long start = System.nanoTime();
        return producer.send(KafkaProducerRecord.create(topic, event.key(), EventCodec.encode(event)))
                .andThen(done -> publishLatency.record(System.nanoTime() - start,
                        java.util.concurrent.TimeUnit.NANOSECONDS))
                .mapEmpty();
    }

    public Future<Void> close() {
        return producer.close();
    }
}
