package edu.lanyard.launcher.events;

import edu.lanyard.core.config.LanyardConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Reads a node's projections and measures how far they are behind the topic, without going through the node. */
final class Projections {
    private final LanyardConfig config;
    private final String bootstrap;

    Projections(LanyardConfig config, String bootstrap) {
        this.config = config;
        this.bootstrap = bootstrap;
    }

    Connection connect() throws SQLException {
        var pg = config.postgres();
        Properties props = new Properties();
        props.setProperty("user", pg.user());
        if (!pg.password().isEmpty()) {
            props.setProperty("password", pg.password());
        }
        return DriverManager.getConnection(edu.lanyard.directory.db.PostgresConnections.jdbcUrl(pg), props);
    }

    List<Map<String, Object>> rows(String sql) {
        try (Connection connection = connect(); var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rows.getMetaData();
            List<Map<String, Object>> all = new ArrayList<>();
            while (rows.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = rows.getObject(i);
                    row.put(meta.getColumnName(i), value instanceof java.sql.Array array
                            ? List.of((Object[]) array.getArray()) : value == null ? null : value.toString());
                }
                all.add(row);
            }
            return all;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    long count(String sql) {
        return Long.parseLong(String.valueOf(rows(sql).get(0).values().iterator().next()));
    }

    /** Every projection table in a fixed order, to compare two projections row for row. */
    Map<String, List<Map<String, Object>>> snapshot() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        tables.put("grants", rows("select * from projection.grants order by grant_id"));
        tables.put("tokens", rows("select * from projection.tokens order by token_hash"));
        tables.put("sessions", rows("select * from projection.sessions order by session_hash"));
        tables.put("consents", rows("select * from projection.consents order by subject, client_id"));
        tables.put("audit_log", rows("select * from projection.audit_log order by at, event_id"));
        tables.put("client_stats", rows("select * from projection.client_stats order by client_id, minute"));
        tables.put("rejected_events", rows("select topic, partition, kafka_offset, payload, error"
                + " from projection.rejected_events order by partition, kafka_offset"));
        return tables;
    }

    /** Events in the topic that are not in Postgres yet, per partition. */
    Map<Integer, Long> lag() {
        String topic = config.kafka().topic();
        Map<Integer, Long> stored = rows("select partition, next_offset from projection.projection_offsets"
                + " where topic = '" + topic + "'").stream().collect(Collectors.toMap(r -> Integer.parseInt((String) r.get("partition")),
                r -> Long.parseLong((String) r.get("next_offset"))));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            IntStream.range(0, config.kafka().topicPartitions())
                    .forEach(p -> latest.put(new TopicPartition(topic, p), OffsetSpec.latest()));
            Map<Integer, Long> lag = new HashMap<>();
            admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).forEach((partition, end) ->
                    lag.put(partition.partition(), end.offset() - stored.getOrDefault(partition.partition(), 0L)));
            return lag;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the end of " + topic + ": " + e.getMessage(), e);
        }
    }

    long totalLag() {
        return lag().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Waits until every event in the topic is in Postgres. */
    void awaitCaughtUp(Duration within) throws InterruptedException {
        Wait.until("the projection to catch up", within, () -> totalLag() == 0);
    }
}
