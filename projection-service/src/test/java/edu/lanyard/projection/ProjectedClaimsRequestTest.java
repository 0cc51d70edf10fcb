package edu.lanyard.projection;

import edu.lanyard.core.event.CodeIssued;
import edu.lanyard.core.event.EventCodec;
import edu.lanyard.core.event.LifecycleEvent;
import edu.lanyard.core.event.TokenRevoked;
import edu.lanyard.core.event.TokensIssued;
import edu.lanyard.projection.db.AppendFrom;
import edu.lanyard.projection.db.ProjectionSchema;
import edu.lanyard.projection.db.ProjectionWriter;
import edu.lanyard.projection.events.EventVersions;
import edu.lanyard.projection.rows.EventProjector;
import edu.lanyard.projection.rows.ProjectionBatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static edu.lanyard.projection.SampleEvents.at;
import static edu.lanyard.projection.SampleEvents.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The OIDC claims request a code and its tokens carry reaches projection.tokens, where a cold start reads it. */
class ProjectedClaimsRequestTest {
    private static final String CLAIMS = "{\"userinfo\":{\"given_name\":null}}";
    private static TestDatabase db;

    @BeforeAll
    static void database() {
        db = TestDatabase.migrated();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void codeAccessAndRefreshTokenRowsKeepTheClaimsRequestThroughLaterEvents() throws Exception {
        List<LifecycleEvent> events = List.of(
                new CodeIssued(at(0), "grant-c", "portal", "sub-alice", "code-c", "openid", seconds(0) + 60, "sid-c",
                        CLAIMS),
                new TokensIssued(at(1_000), "grant-c", "portal", "sub-alice", "alice", "authorization_code",
                        "openid offline_access", "sid-c", "at-c", seconds(1_000) + 3600, "opaque", "rt-c",
                        seconds(1_000) + 86400, null, "code-c", seconds(0), null, CLAIMS),
                new TokensIssued(at(2_000), "grant-d", "portal", "sub-alice", "alice", "password", "openid", null,
                        "at-d", seconds(2_000) + 3600, "opaque", null, null, null, null, null, null),
                new TokenRevoked(at(3_000), "grant-c", "portal", "at-c", "ACCESS_TOKEN", "revoked_by_client"));
        ProjectionBatch batch = new ProjectionBatch();
        long offset = 0;
        for (LifecycleEvent event : events) {
            // as the projector reads it off the topic
            EventProjector.project(EventVersions.read(EventCodec.encode(event)), batch);
            batch.consumed(0, offset++);
        }
        try (Connection connection = db.connection()) {
            new ProjectionWriter(ProjectionSchema.LIVE, "events")
                    .write(connection, batch, Map.of(), new AppendFrom(Instant.EPOCH, Instant.EPOCH));
        }
        for (String hash : List.of("code-c", "at-c", "rt-c")) {
            assertEquals(CLAIMS, db.rows("select claims from projection.tokens where token_hash = '" + hash + "'")
                    .get(0).get("claims"), hash);
        }
        assertNull(db.rows("select claims from projection.tokens where token_hash = 'at-d'").get(0).get("claims"));
        assertFalse(EventCodec.encode(events.get(2)).contains("claims"), "an event without one is as before");
    }
}
