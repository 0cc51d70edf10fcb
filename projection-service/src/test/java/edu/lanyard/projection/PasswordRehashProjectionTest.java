package edu.lanyard.projection;

import edu.lanyard.core.event.EventMeta;
import edu.lanyard.core.event.LifecycleEvent;
import edu.lanyard.core.event.PasswordRehashed;
import edu.lanyard.core.user.LocalPasswords;
import edu.lanyard.projection.db.AppendFrom;
import edu.lanyard.projection.db.ProjectionSchema;
import edu.lanyard.projection.db.ProjectionWriter;
import edu.lanyard.projection.rows.EventProjector;
import edu.lanyard.projection.rows.ProjectionBatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A re-hash lands only on the hash the sign-in verified; the audit line never shows a hash. */
class PasswordRehashProjectionTest {
    private static final AppendFrom EVERYTHING = new AppendFrom(Instant.EPOCH, Instant.EPOCH);
    private static final String BCRYPT = "$2y$04$abcdefghijklmnopqrstuuSJ0cR8Nfcb.RrHuDZlAQvFFNNgNO2rS";
    private static final String NEW_HASH = "pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA";
    private static TestDatabase db;

    @BeforeAll
    static void database() throws Exception {
        db = TestDatabase.migrated();
        db.execute("insert into users (subject, username, password_hash) values"
                + " ('sub-dana', 'dana', '" + BCRYPT + "'), ('sub-eve', 'eve', 'md5:0cc175b9c0f1b6a831c399e269772661')");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static void write(LifecycleEvent event, long offset) throws Exception {
        ProjectionBatch batch = new ProjectionBatch();
        EventProjector.project(event, batch);
        batch.consumed(0, offset);
        try (Connection connection = db.connection()) {
            new ProjectionWriter(ProjectionSchema.LIVE, "events").write(connection, batch,
                    offset == 0 ? Map.of() : Map.of(0, offset), EVERYTHING);
        }
    }

    private static String hashOf(String subject) throws Exception {
        return (String) db.rows("select password_hash from users where subject = '" + subject + "'").get(0)
                .get("password_hash");
    }

    @Test
    void storesTheNewHashOnlyOverTheOneThatWasVerified() throws Exception {
        EventMeta meta = new EventMeta("e-1", 1, Instant.parse("2026-12-04T10:00:00Z").toEpochMilli(), "10.0.0.9");
        write(new PasswordRehashed(meta, "sub-dana", "dana", NEW_HASH, LocalPasswords.fingerprint(BCRYPT)), 0);
        assertEquals(NEW_HASH, hashOf("sub-dana"));

        // eve's hash was replaced (an import, a reset) after the sign-in that verified an older one: the event loses
        EventMeta later = new EventMeta("e-2", 1, meta.at() + 1000, "10.0.0.9");
        write(new PasswordRehashed(later, "sub-eve", "eve", NEW_HASH, LocalPasswords.fingerprint("md5:older")), 1);
        assertEquals("md5:0cc175b9c0f1b6a831c399e269772661", hashOf("sub-eve"));

        List<Map<String, Object>> audit = db.rows("select * from projection.audit_log where event_type ="
                + " 'PasswordRehashed' order by at");
        assertEquals(2, audit.size());
        assertEquals("password_rehashed", audit.get(0).get("action"));
        assertEquals("dana", audit.get(0).get("username"));
        audit.forEach(row -> assertFalse(row.toString().contains("pbkdf2") || row.toString().contains("$2y$"),
                "the audit line shows no hash"));
    }
}
