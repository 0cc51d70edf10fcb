package edu.lanyard.common.event;

import edu.lanyard.common.config.LanyardConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Publishes lifecycle events to the Kafka topic with {@code acks=all} and idempotence. In durability mode
 * {@code KAFKA} the returned future completes only when the broker has the event; if it cannot take it within the
 * publish timeout, the future fails with {@link EventLogUnavailableException} and the caller answers 503 after
 * rolling back the hot state. After a failure, publishes fail at once for a second (see {@link PublishGate}).
 */
public final class KafkaEventPublisher implements EventPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaEventPublisher.class);
    /** Matches the Retry-After the standard dialect sends with temporarily_unavailable. */
    private static final long PAUSE_AFTER_FAILURE_MS = 1000;

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final Timer publishLatency;

    public KafkaEventPublisher(Vertx vertx, LanyardConfig.Kafka kafka, String bootstrapServers, MeterRegistry meters) {
        this.producer = KafkaProducer.create(vertx, new GatedProducer(producerConfig(kafka, bootstrapServers),
                new PublishGate(PAUSE_AFTER_FAILURE_MS, System::nanoTime)));
        // Each failed send is also handed to the publish future, which is where it is dealt with.
        this.producer.exceptionHandler(e -> LOG.debug("send failed: {}", e.getMessage()));
        this.topic = kafka.topic();
        this.publishLatency = Timer.builder("lanyard.kafka.publish")
                .description("Time from handing an event to the producer until the broker acknowledged it")
                .publishPercentileHistogram()
                .register(meters);
    }

    static Map<String, String> producerConfig(LanyardConfig.Kafka kafka, String bootstrapServers) {
        int timeout = kafka.publishTimeoutMs();
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
        config.put("delivery.timeout.ms", String.valueOf(timeout + 10));
        config.put("reconnect.backoff.max.ms", "1000");
        config.put("client.id", "lanyard-publisher");
        return config;
    }

    @Override
    public Future<Void> publish(LifecycleEvent event) {
        long start = System.nanoTime();
        return producer.send(KafkaProducerRecord.create(topic, event.key(), EventCodec.encode(event)))
                .transform(done -> {
                    if (done.failed() && done.cause() instanceof EventLogUnavailableException refused) {
                        return Future.failedFuture(refused);
                    }
                    publishLatency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                    if (done.succeeded()) {
                        return Future.<Void>succeededFuture();
                    }
                    return Future.failedFuture(new EventLogUnavailableException(
                            "the event log did not take the event: " + done.cause().getMessage(), done.cause()));
                });
    }

    public Future<Void> close() {
        return producer.close();
    }
}
