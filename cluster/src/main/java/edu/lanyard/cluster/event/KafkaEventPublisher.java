package edu.lanyard.cluster.event;

import edu.lanyard.cluster.kafka.KafkaClientProperties;
import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.core.event.EventCodec;
import edu.lanyard.core.event.EventLogUnavailableException;
import edu.lanyard.core.event.EventPublisher;
import edu.lanyard.core.event.LifecycleEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Publishes lifecycle events to the Kafka topic with {@code acks=all} and idempotence. In durability mode
 * {@code KAFKA} the returned future completes only when the broker has the event; if it cannot take it within the
 * publish timeout, the future fails with {@link EventLogUnavailableException} and the caller answers 503 after
 * rolling back the hot state. After a failure, publishes fail at once for a second (see {@link PublishGate}).
 *
 * <p>The Kafka producer is called directly on the caller's event loop: {@code send} only appends to the producer's
 * buffer, and the acknowledgement comes back on the producer's I/O thread, which hands it to the caller's context.
 * (vertx-kafka-client queues every send through one ordered worker, which cost ~40 ms per event under load.) The
 * one way {@code send} can block — no topic metadata or a full buffer — is bounded by a short {@code max.block.ms};
 * the broker timeout itself is {@code delivery.timeout.ms}.
 */
public final class KafkaEventPublisher implements EventPublisher {
    /** Matches the Retry-After the standard dialect sends with temporarily_unavailable. */
    private static final long PAUSE_AFTER_FAILURE_MS = 1000;
    /** The longest an event loop may wait inside send() when the broker is unreachable. */
    private static final Logger LOG = LoggerFactory.getLogger(KafkaEventPublisher.class);
    private static final long MAX_BLOCK_MS = 100;
    private static final long METADATA_WARM_UP_SECONDS = 10;

    private final Vertx vertx;
    private final PublishGate gate;
    private final GatedProducer producer;
    private final String topic;
    private final Timer acknowledged;
    private final Timer failed;
    private final Counter refused;

    /**
     * In durability mode {@code MEMORY} nobody waits for the broker, so a send keeps retrying this long (through a
     * broker restart, say) before the event is given up and counted as unpublished.
     */
    public static final int BACKGROUND_DELIVERY_TIMEOUT_MS = 120_000;

    public KafkaEventPublisher(Vertx vertx, LanyardConfig.Kafka kafka, String bootstrapServers, MeterRegistry meters) {
        this(vertx, kafka, bootstrapServers, meters, LanyardConfig.Durability.KAFKA);
    }

    public KafkaEventPublisher(Vertx vertx, LanyardConfig.Kafka kafka, String bootstrapServers, MeterRegistry meters,
                               LanyardConfig.Durability durability) {
        this.vertx = vertx;
        this.gate = new PublishGate(PAUSE_AFTER_FAILURE_MS, System::nanoTime);
        this.producer = new GatedProducer(producerConfig(kafka, bootstrapServers, durability), gate);
        this.topic = kafka.topic();
        this.acknowledged = publishTimer(meters, "acked");
        this.failed = publishTimer(meters, "failed");
        this.refused = Counter.builder("lanyard.kafka.publish.refused")
                .description("Events refused at once, without trying the broker, while the publish gate is closed"
                        + " after a failed publish")
                .register(meters);
        Gauge.builder("lanyard.kafka.publish.gate.closed", gate, closed -> closed.healthy() ? 0 : 1)
                .description("1 while the last publish failed: publishes fail at once but for one probe a second")
                .strongReference(true)
                .register(meters);
        loadTopicMetadata();
    }

    /** result=acked: the broker has the event; result=failed: it did not take it within the publish timeout. */
    private static Timer publishTimer(MeterRegistry meters, String result) {
        return Timer.builder("lanyard.kafka.publish")
                .description("Time from handing an event to the producer until the broker acknowledged it"
                        + " (result=acked) or the publish failed (result=failed)")
                .tag("result", result)
                .register(meters);
    }

    /**
     * Fetches the topic's partitions before the first request needs them. A send waits at most
     * {@code max.block.ms} (100 ms) for metadata, which the first fetch after a start can exceed: the first token
     * requests would then fail and close the publish gate for a second. Runs on the starting thread, never an event
     * loop; a broker that does not answer in time leaves it to the first sends, as before.
     */
    private void loadTopicMetadata() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(METADATA_WARM_UP_SECONDS);
        while (System.nanoTime() - deadline < 0) {
            try {
                producer.partitionsFor(topic);
                return;
            } catch (KafkaException notYet) {
                // max.block.ms passed without metadata: ask again until the deadline
            }
        }
        LOG.warn("no metadata for topic {} after {} s; the first events will fetch it", topic,
                METADATA_WARM_UP_SECONDS);
    }

    static Map<String, String> producerConfig(LanyardConfig.Kafka kafka, String bootstrapServers,
                                              LanyardConfig.Durability durability) {
        int timeout = kafka.publishTimeoutMs();
        int deliveryTimeout = durability == LanyardConfig.Durability.MEMORY
                ? Math.max(timeout + 10, BACKGROUND_DELIVERY_TIMEOUT_MS) : timeout + 10;
        Map<String, String> config = new HashMap<>(KafkaClientProperties.of(kafka, bootstrapServers));
        config.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        config.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        config.put("acks", "all");
        config.put("enable.idempotence", "true");
        // A little lingering lets concurrent requests share one produce request; it bounds latency, not throughput.
        config.put("linger.ms", "1");
        // No compression: an event is a few hundred bytes of JSON and events spread over the partitions by family
        // key, so a batch holds a handful at most. Each new lz4 batch allocates and sizes its own block buffers
        // inside send(), on the event loop; profiled under load that cost ~10 % of client_credentials' CPU, far
        // more than the bytes it saved.
        config.put("compression.type", "none");
        config.put("max.block.ms", String.valueOf(MAX_BLOCK_MS));
        config.put("request.timeout.ms", String.valueOf(Math.max(500, timeout / 2)));
        config.put("delivery.timeout.ms", String.valueOf(deliveryTimeout));
        config.put("reconnect.backoff.max.ms", "1000");
        // A broker whose host vanished answers no SYN. Kafka's default waits 10 s for a connection, longer than any
        // publish timeout, and a metadata request sent down that connection would not learn the new leaders in
        // time; a second is ample for a TCP and TLS handshake in one data centre.
        config.put("socket.connection.setup.timeout.ms", "1000");
        config.put("socket.connection.setup.timeout.max.ms", "3000");
        config.put("client.id", "lanyard-publisher");
        return config;
    }

    @Override
    public Future<Void> publish(LifecycleEvent event) {
        Context current = Vertx.currentContext();
        Context context = current != null ? current : vertx.getOrCreateContext();
        Promise<Void> promise = Promise.promise();
        long start = System.nanoTime();
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.key(), EventCodec.encode(event));
        if (gate.healthy()) {
            send(record, context, promise, start);
        } else {
            // During an outage a send may wait max.block.ms for metadata: the gate lets one probe a second
            // through (the rest fail at once), and the probe waits on a worker, never on the event loop.
            vertx.executeBlocking(() -> {
                send(record, context, promise, start);
                return null;
            }, false);
        }
        return promise.future();
    }

    private void send(ProducerRecord<String, String> record, Context context, Promise<Void> promise, long start) {
        try {
            producer.send(record, (metadata, failure) ->
                    context.runOnContext(ignored -> complete(promise, start, failure)));
        } catch (RuntimeException failure) {
            context.runOnContext(ignored -> complete(promise, start, failure));
        }
    }

    private void complete(Promise<Void> promise, long start, Throwable failure) {
        if (failure instanceof EventLogUnavailableException closedGate) {
            refused.increment();
            promise.fail(closedGate);
            return;
        }
        long nanos = System.nanoTime() - start;
        if (failure == null) {
            acknowledged.record(nanos, TimeUnit.NANOSECONDS);
            promise.complete();
        } else {
            failed.record(nanos, TimeUnit.NANOSECONDS);
            promise.fail(new EventLogUnavailableException(
                    "the event log did not take the event: " + failure.getMessage(), failure));
        }
    }

    /** Flushes what is buffered and closes the producer, off the event loop. */
    public Future<Void> close() {
        return vertx.executeBlocking(() -> {
            producer.close(Duration.ofSeconds(5));
            return null;
        }, false);
    }
}
