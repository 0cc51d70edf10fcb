package edu.lanyard.projection.coldstart;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.hazelcast.map.EntryStore;
import edu.lanyard.cluster.jose.SigningKeys;
import edu.lanyard.core.json.Jsons;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Writes the signing key ring ({@value SigningKeys#MAP_NAME}) through to {@code signing_keys}, so that a cluster that
 * restarts completely keeps its keys and every token it signed stays verifiable. The entries are stored as the ring
 * wrote them into the map: private keys sealed under the master key, opened only by {@link SigningKeys}. Key changes are rare (start-up,
 * rotation), so the synchronous write costs nothing on the token path. A retired key is loaded back with the
 * expiry it had; rows of keys past their retirement are deleted the next time the ring is loaded.
 */
final class SigningKeyStore implements EntryStore<String, String> {
    private final DataSource database;

    SigningKeyStore(DataSource database) {
        this.database = database;
    }

    @Override
    public void store(String kid, MetadataAwareValue<String> entry) {
        storeAll(Map.of(kid, entry));
    }

    @Override
    public void storeAll(Map<String, MetadataAwareValue<String>> entries) {
        try (Connection connection = database.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     insert into signing_keys (kid, entry, retire_until, updated_at) values (?, ?, ?, now())
                     on conflict (kid) do update set entry = excluded.entry, retire_until = excluded.retire_until,
                                                     updated_at = excluded.updated_at""")) {
            for (Map.Entry<String, MetadataAwareValue<String>> entry : entries.entrySet()) {
                String json = entry.getValue().getValue();
                Instant retireUntil = retireUntil(json);
                upsert.setString(1, entry.getKey());
                upsert.setString(2, json);
                upsert.setTimestamp(3, retireUntil == null ? null : Timestamp.from(retireUntil));
                upsert.addBatch();
            }
            upsert.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot persist signing keys: " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String kid) {
        deleteAll(List.of(kid));
    }

    @Override
    public void deleteAll(Collection<String> kids) {
        try (Connection connection = database.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "delete from signing_keys where kid = any(?)")) {
            delete.setArray(1, connection.createArrayOf("text", kids.toArray()));
            delete.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot delete signing keys: " + e.getMessage(), e);
        }
    }

    @Override
    public MetadataAwareValue<String> load(String kid) {
        return loadAll(List.of(kid)).get(kid);
    }

    @Override
    public Map<String, MetadataAwareValue<String>> loadAll(Collection<String> kids) {
        Map<String, MetadataAwareValue<String>> entries = new HashMap<>();
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     select kid, entry, retire_until from signing_keys
                      where kid = any(?) and (retire_until is null or retire_until > now())""")) {
            select.setArray(1, connection.createArrayOf("text", kids.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Timestamp retireUntil = rows.getTimestamp(3);
                    entries.put(rows.getString(1), retireUntil == null
                            ? new MetadataAwareValue<>(rows.getString(2))
                            : new MetadataAwareValue<>(rows.getString(2), retireUntil.getTime()));
                }
            }
            connection.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load signing keys: " + e.getMessage(), e);
        }
        return entries;
    }

    @Override
    public Iterable<String> loadAllKeys() {
        List<String> kids = new ArrayList<>();
        try (Connection connection = database.getConnection()) {
            try (var cleanup = connection.createStatement()) {
                cleanup.executeUpdate("delete from signing_keys where retire_until <= now()");
            }
            try (var rows = connection.createStatement().executeQuery("select kid from signing_keys")) {
                while (rows.next()) {
                    kids.add(rows.getString(1));
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list signing keys: " + e.getMessage(), e);
        }
        return kids;
    }

    private static Instant retireUntil(String json) {
        try {
            String text = Jsons.MAPPER.readTree(json).path("retireUntil").asText(null);
            return text == null ? null : Instant.parse(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a signing key entry is not JSON", e);
        }
    }
}
