package edu.lanyard.projection;

import edu.lanyard.projection.db.AuditPartitions;
import edu.lanyard.projection.db.ProjectionSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The audit log's daily partitions: made on demand, dropped whole when their day leaves the retention. */
class AuditRetentionTest {
    private static TestDatabase db;

    @BeforeAll
    static void database() {
        db = TestDatabase.migrated();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static List<String> partitions() throws Exception {
        return db.rows("select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid"
                        + " join pg_class p on p.oid = i.inhparent where p.relname = 'audit_log' order by 1").stream()
                .map(row -> (String) row.get("relname")).toList();
    }

    @Test
    void partitionsAreMadePerUtcDayAndDroppedWholeAfterTheRetention() throws Exception {
        AuditPartitions audit = new AuditPartitions(ProjectionSchema.LIVE);
        try (Connection connection = db.connection()) {
            audit.ensure(connection, List.of(Instant.parse("2026-11-01T23:59:59Z"),
                    Instant.parse("2026-11-02T00:00:00Z"), Instant.parse("2026-11-02T13:00:00Z"),
                    Instant.parse("2026-11-20T08:00:00Z")));
            assertEquals(List.of("audit_log_p20261101", "audit_log_p20261102", "audit_log_p20261120"), partitions());
            db.execute("insert into projection.audit_log (at, event_id, event_type, action, result)"
                    + " values ('2026-11-02T00:00:00Z', 'e1', 'LoginFailed', 'login', 'failure'),"
                    + " ('2026-11-20T08:00:00Z', 'e2', 'LoginFailed', 'login', 'failure')");

            assertEquals(2, audit.dropBefore(connection, LocalDate.parse("2026-11-03")));
        }
        assertEquals(List.of("audit_log_p20261120"), partitions());
        assertEquals(List.of("e2"), db.rows("select event_id from projection.audit_log").stream()
                .map(row -> (String) row.get("event_id")).toList());
    }
}
