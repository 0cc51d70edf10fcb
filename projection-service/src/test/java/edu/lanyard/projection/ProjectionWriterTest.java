package edu.lanyard.projection;

import edu.lanyard.core.event.LifecycleEvent;
import edu.lanyard.projection.db.AppendFrom;
import edu.lanyard.projection.db.ProjectionSchema;
import edu.lanyard.projection.db.ProjectionWriter;
import edu.lanyard.projection.db.StaleOffsetsException;
import edu.lanyard.projection.rows.EventProjector;
import edu.lanyard.projection.rows.ProjectionBatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProjectionWriterTest {
    private static final AppendFrom EVERYTHING = new AppendFrom(Instant.EPOCH, Instant.EPOCH);
    private static TestDatabase db;

    @BeforeAll
    static void database() {
        db = TestDatabase.migrated();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static void reset() throws Exception {
        for (String table : List.of("grants", "tokens", "sessions", "consents", "audit_log", "client_stats",
                "projection_offsets", "rejected_events")) {
            db.execute("truncate projection." + table);
        }
    }

    private static ProjectionBatch batch(List<LifecycleEvent> events, int partition, long firstOffset) {
        ProjectionBatch batch = new ProjectionBatch();
        long offset = firstOffset;
        for (LifecycleEvent event : events) {
            EventProjector.project(event, batch);
            batch.consumed(partition, offset++);
        }
        return batch;
    }

    @Test
    void theStoryProjectsToTheRowsItDescribes() throws Exception {
        reset();
        try (Connection connection = db.connection()) {
            new ProjectionWriter(ProjectionSchema.LIVE, "events")
                    .write(connection, batch(SampleEvents.story(), 0, 0), Map.of(), EVERYTHING);
        }
        Map<String, Object> rotated = db.rows("select * from projection.tokens where token_hash = 'rt-1'").get(0);
        assertEquals("refresh_token", rotated.get("kind"));
        assertEquals(String.valueOf(SampleEvents.seconds(0)), rotated.get("auth_time"));
        assertEquals(1, db.rows("select 1 from projection.tokens where token_hash = 'rt-1'"
                + " and rotated_at = '2026-11-20T08:01:01Z'").size());
        assertEquals(1, db.rows("select 1 from projection.tokens where token_hash = 'code-1'"
                + " and redeemed_at = '2026-11-20T08:00:01Z' and kind = 'authorization_code'").size());
        assertEquals(1, db.rows("select 1 from projection.tokens where token_hash = 'at-3'"
                + " and revoke_reason = 'revoked_by_client' and format = 'jwt'").size());
        Map<String, Object> grant = db.rows("select * from projection.grants where grant_id = 'grant-1'").get(0);
        assertEquals("admin", grant.get("revoke_reason"), "two revocations at one instant: the least reason");
        assertEquals("portal", grant.get("client_id"));
        assertEquals("sid-1", grant.get("session_id"));
        assertEquals(List.of("email", "openid", "profile"),
                db.rows("select scopes from projection.consents").get(0).get("scopes"));
        assertEquals("logout", db.rows("select end_reason from projection.sessions").get(0).get("end_reason"));
        assertEquals(SampleEvents.story().size(), db.rows("select * from projection.audit_log").size());
        assertEquals(List.of(Map.of("tokens_issued", "1", "refresh_rotations", "1", "revocations", "0")),
                db.rows("select tokens_issued, refresh_rotations, revocations from projection.client_stats"
                        + " where client_id = 'portal' and minute = '2026-11-20T08:01:00Z'"));
        assertEquals(List.of(Map.of("next_offset", String.valueOf(SampleEvents.story().size()))),
                db.rows("select next_offset from projection.projection_offsets"));
    }

    @Test
    void anyBatchingAndAnyOrderGiveTheSameRows() throws Exception {
        reset();
        try (Connection connection = db.connection()) {
            new ProjectionWriter(ProjectionSchema.LIVE, "events")
                    .write(connection, batch(SampleEvents.story(), 0, 0), Map.of(), EVERYTHING);
        }
        var oneBatch = db.projection(ProjectionSchema.LIVE);

        reset();
        List<LifecycleEvent> reversed = new ArrayList<>(SampleEvents.story());
        Collections.reverse(reversed);
        try (Connection connection = db.connection()) {
            for (int i = 0; i < reversed.size(); i++) {
                // a topic per event, so that each single-event batch passes its own offset fence
                new ProjectionWriter(ProjectionSchema.LIVE, "events-" + i)
                        .write(connection, batch(List.of(reversed.get(i)), 0, 0), Map.of(), EVERYTHING);
            }
        }
        assertEquals(oneBatch, db.projection(ProjectionSchema.LIVE));
    }

    @Test
    void aBatchFromAStalePositionChangesNothing() throws Exception {
        reset();
        List<LifecycleEvent> story = SampleEvents.story();
        ProjectionWriter writer = new ProjectionWriter(ProjectionSchema.LIVE, "events");
        try (Connection connection = db.connection()) {
            writer.write(connection, batch(story.subList(0, 5), 2, 0), Map.of(), EVERYTHING);
            var before = db.projection(ProjectionSchema.LIVE);
            // a second projector that still believes partition 2 is empty (or at offset 3) must not write
            assertThrows(StaleOffsetsException.class, () -> writer.write(connection,
                    batch(story.subList(0, 5), 2, 0), Map.of(), EVERYTHING));
            assertThrows(StaleOffsetsException.class, () -> writer.write(connection,
                    batch(story.subList(3, 8), 2, 3), Map.of(2, 3L), EVERYTHING));
            assertEquals(before, db.projection(ProjectionSchema.LIVE));
            writer.write(connection, batch(story.subList(5, 8), 2, 5), Map.of(2, 5L), EVERYTHING);
        }
        assertEquals("8", db.rows("select next_offset from projection.projection_offsets").get(0)
                .get("next_offset"));
    }

    @Test
    void auditLinesAndCountersOutsideTheRetentionAreNotWritten() throws Exception {
        reset();
        try (Connection connection = db.connection()) {
            new ProjectionWriter(ProjectionSchema.LIVE, "events").write(connection,
                    batch(SampleEvents.story(), 0, 0), Map.of(),
                    new AppendFrom(Instant.parse("2026-11-20T08:01:00Z"), Instant.parse("2026-11-21T00:00:00Z")));
        }
        long inRetention = SampleEvents.story().stream()
                .filter(e -> !Instant.ofEpochMilli(e.meta().at()).isBefore(Instant.parse("2026-11-20T08:01:00Z")))
                .count();
        assertEquals(inRetention, db.rows("select * from projection.audit_log").size());
        assertEquals(0, db.rows("select * from projection.client_stats").size());
        assertNull(db.rows("select rotated_at from projection.tokens where token_hash = 'rt-2'").get(0)
                .get("rotated_at"));
    }
}
