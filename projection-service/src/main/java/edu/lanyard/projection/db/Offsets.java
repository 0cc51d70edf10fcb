package edu.lanyard.projection.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Kafka positions kept with the projection: for each partition, the offset of the next event to apply. They are
 * the only offsets that count; the consumer group commits nothing to Kafka.
 */
public final class Offsets {
    private Offsets() {
    }

    /** Partition → next offset, for the partitions that have one. */
    public static Map<Integer, Long> read(Connection connection, String schema, String topic) throws SQLException {
        Map<Integer, Long> offsets = new HashMap<>();
        try (var query = connection.prepareStatement("select partition, next_offset from "
                + ProjectionSchema.checked(schema) + ".projection_offsets where topic = ?")) {
            query.setString(1, topic);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    offsets.put(rows.getInt(1), rows.getLong(2));
                }
            }
        }
        return offsets;
    }

    /**
     * Moves a partition from {@code expected} (null: no stored offset yet) to {@code next}, inside the caller's
     * transaction, and holds the row lock until it ends.
     *
     * @throws StaleOffsetsException if the stored offset is not {@code expected}
     */
    static void advance(Connection connection, String schema, String topic, int partition, Long expected,
                        long next) throws SQLException, StaleOffsetsException {
        int changed;
        if (expected == null) {
            try (var insert = connection.prepareStatement("insert into " + schema + ".projection_offsets"
                    + " (topic, partition, next_offset, updated_at) values (?, ?, ?, now())"
                    + " on conflict (topic, partition) do nothing")) {
                insert.setString(1, topic);
                insert.setInt(2, partition);
                insert.setLong(3, next);
                changed = insert.executeUpdate();
            }
        } else {
            try (var update = connection.prepareStatement("update " + schema + ".projection_offsets"
                    + " set next_offset = ?, updated_at = now()"
                    + " where topic = ? and partition = ? and next_offset = ?")) {
                update.setLong(1, next);
                update.setString(2, topic);
                update.setInt(3, partition);
                update.setLong(4, expected);
                changed = update.executeUpdate();
            }
        }
        if (changed != 1) {
            throw new StaleOffsetsException("partition " + partition + " of " + topic + " is no longer at "
                    + (expected == null ? "its beginning" : "offset " + expected));
        }
    }

    /** For a replay: the position of every partition, even one it found empty, so the fence covers them all. */
    public static void writeAll(Connection connection, String schema, String topic, Map<Integer, Long> next)
            throws SQLException {
        try (var upsert = connection.prepareStatement("insert into " + ProjectionSchema.checked(schema)
                + ".projection_offsets (topic, partition, next_offset, updated_at) values (?, ?, ?, now())"
                + " on conflict (topic, partition) do update set next_offset = excluded.next_offset,"
                + " updated_at = excluded.updated_at")) {
            for (Map.Entry<Integer, Long> entry : next.entrySet()) {
                upsert.setString(1, topic);
                upsert.setInt(2, entry.getKey());
                upsert.setLong(3, entry.getValue());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }
}
