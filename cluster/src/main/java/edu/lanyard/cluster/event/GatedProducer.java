package edu.lanyard.cluster.event;

import edu.lanyard.core.event.EventLogUnavailableException;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * A Kafka producer that asks its {@link PublishGate} before every send. The check runs where the send runs, on the
 * Vert.x client's ordered worker, so sends already queued behind a failing one fail at once instead of each
 * blocking for {@code max.block.ms} in turn.
 */
final class GatedProducer extends KafkaProducer<String, String> {
    private final PublishGate gate;

    GatedProducer(Map<String, String> config, PublishGate gate) {
        super(new HashMap<String, Object>(config));
        this.gate = gate;
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<String, String> record, Callback callback) {
        if (!gate.tryPass()) {
            EventLogUnavailableException refused = new EventLogUnavailableException(
                    "the event log failed a moment ago; not sending until it has recovered", null);
            callback.onCompletion(null, refused);
            return CompletableFuture.failedFuture(refused);
        }
        try {
            return super.send(record, (metadata, failure) -> {
                if (failure == null) {
                    gate.succeeded();
                } else {
                    gate.failed();
                }
                callback.onCompletion(metadata, failure);
            });
        } catch (RuntimeException thrownInsteadOfCalledBack) {
            // e.g. a closed producer: no callback will come, and a probe must not stay in flight for ever.
            gate.failed();
            throw thrownInsteadOfCalledBack;
        }
    }
}
