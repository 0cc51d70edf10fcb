package edu.lanyard.projection.consumer;

import edu.lanyard.cluster.kafka.KafkaClientProperties;
import edu.lanyard.core.config.LanyardConfig;

import java.util.Map;

/**
 * What a projector needs to know: how to reach the events (the shared client properties of
 * {@link KafkaClientProperties}) and how to batch and keep them.
 */
public record ProjectorSettings(Map<String, String> kafkaClient, String topic, String groupId, int maxBatch,
                                int auditRetentionDays, int statsRetentionDays) {

    public ProjectorSettings {
        kafkaClient = Map.copyOf(kafkaClient);
    }

    public static ProjectorSettings of(LanyardConfig config, String bootstrapServers) {
        LanyardConfig.Projection projection = config.projection();
        return new ProjectorSettings(KafkaClientProperties.of(config.kafka(), bootstrapServers),
                config.kafka().topic(), projection.groupId(), Math.max(1, projection.maxBatch()),
                projection.auditRetentionDays(), projection.statsRetentionDays());
    }
}
