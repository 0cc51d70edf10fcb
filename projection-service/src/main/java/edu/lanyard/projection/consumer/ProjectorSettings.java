package edu.lanyard.projection.consumer;

import edu.lanyard.core.config.LanyardConfig;

/** What a projector needs to know: where the events are and how to batch and keep them. */
public record ProjectorSettings(String bootstrapServers, String topic, String groupId, int maxBatch,
                                int auditRetentionDays, int statsRetentionDays) {

    public static ProjectorSettings of(LanyardConfig config, String bootstrapServers) {
        LanyardConfig.Projection projection = config.projection();
        return new ProjectorSettings(bootstrapServers, config.kafka().topic(), projection.groupId(),
                Math.max(1, projection.maxBatch()), projection.auditRetentionDays(),
                projection.statsRetentionDays());
    }
}
