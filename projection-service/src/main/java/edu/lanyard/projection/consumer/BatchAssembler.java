package edu.lanyard.projection.consumer;

import edu.lanyard.core.event.LifecycleEvent;
import edu.lanyard.projection.events.EventVersions;
import edu.lanyard.projection.events.UnreadableEventException;
import edu.lanyard.projection.events.UnsupportedEventException;
import edu.lanyard.projection.rows.EventProjector;
import edu.lanyard.projection.rows.ProjectionBatch;
import edu.lanyard.projection.rows.RejectedRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns polled records into one folded batch, partition by partition in offset order. */
public final class BatchAssembler {
    private BatchAssembler() {
    }

    /**
     * @param batch         the fold; {@code types} counts the events in it by type
     * @param stalled       partitions that stopped at an event newer than this projector, and that event's offset
     */
    public record Assembled(ProjectionBatch batch, Map<String, Integer> types,
                            Map<TopicPartition, Stall> stalled) {
    }

    public record Stall(long offset, UnsupportedEventException reason) {
    }

    public static Assembled assemble(ConsumerRecords<String, String> records) {
        ProjectionBatch batch = new ProjectionBatch();
        Map<String, Integer> types = new HashMap<>();
        Map<TopicPartition, Stall> stalled = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            Stall stall = fold(records.records(partition), batch, types);
            if (stall != null) {
                stalled.put(partition, stall);
            }
        }
        return new Assembled(batch, types, stalled);
    }

    /** Folds one partition's records; answers where it had to stop, or null. */
    static Stall fold(List<ConsumerRecord<String, String>> records, ProjectionBatch batch,
                      Map<String, Integer> types) {
        for (ConsumerRecord<String, String> record : records) {
            try {
                LifecycleEvent event = EventVersions.read(record.value());
                EventProjector.project(event, batch);
                types.merge(event.getClass().getSimpleName(), 1, Integer::sum);
            } catch (UnreadableEventException e) {
                batch.reject(new RejectedRecord(record.topic(), record.partition(), record.offset(),
                        String.valueOf(record.value()), e.getMessage()));
            } catch (UnsupportedEventException e) {
                return new Stall(record.offset(), e);
            }
            batch.consumed(record.partition(), record.offset());
        }
        return null;
    }
}
