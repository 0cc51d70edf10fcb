package edu.lanyard.projection.db;

import edu.lanyard.core.json.Jsons;
import edu.lanyard.projection.db.Upsert.Column;
import edu.lanyard.projection.db.Upsert.Rule;
import edu.lanyard.projection.rows.AuditRow;
import edu.lanyard.projection.rows.ClientCounter;
import edu.lanyard.projection.rows.ClientMinute;
import edu.lanyard.projection.rows.ConsentRow;
import edu.lanyard.projection.rows.Ending;
import edu.lanyard.projection.rows.GrantRow;
import edu.lanyard.projection.rows.PasswordChange;
import edu.lanyard.projection.rows.ProjectionBatch;
import edu.lanyard.projection.rows.RejectedRecord;
import edu.lanyard.projection.rows.SessionRow;
import edu.lanyard.projection.rows.TokenRow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes a folded batch into one projection schema in a single transaction: first the offset fence (each partition
 * moves from where this writer believes it is to the batch's end, or nothing is written), then every row.
 */
public final class ProjectionWriter {
    private static final List<Column> TOKEN_COLUMNS = List.of(
            new Column("token_hash", "text", Rule.KEY),
            new Column("kind", "text", Rule.KNOWN),
            new Column("grant_id", "text", Rule.KNOWN),
            new Column("client_id", "text", Rule.KNOWN),
            new Column("subject", "text", Rule.KNOWN),
            new Column("username", "text", Rule.KNOWN),
            new Column("scope", "text", Rule.KNOWN),
            new Column("grant_type", "text", Rule.KNOWN),
            new Column("session_id", "text", Rule.KNOWN),
            new Column("format", "text", Rule.KNOWN),
            new Column("auth_time", "bigint", Rule.KNOWN),
            new Column("issued_at", "timestamptz", Rule.KNOWN),
            new Column("expires_at", "timestamptz", Rule.KNOWN),
            new Column("rotated_at", "timestamptz", Rule.EARLIEST),
            new Column("redeemed_at", "timestamptz", Rule.EARLIEST),
            new Column("revoke_reason", "text", Rule.ENDING_REASON),
            new Column("revoked_at", "timestamptz", Rule.EARLIEST),
            new Column("claims", "text", Rule.KNOWN));
    private static final List<Column> GRANT_COLUMNS = List.of(
            new Column("grant_id", "text", Rule.KEY),
            new Column("client_id", "text", Rule.KNOWN),
            new Column("subject", "text", Rule.KNOWN),
            new Column("username", "text", Rule.KNOWN),
            new Column("grant_type", "text", Rule.KNOWN),
            new Column("session_id", "text", Rule.KNOWN),
            new Column("first_seen_at", "timestamptz", Rule.EARLIEST),
            new Column("last_issued_at", "timestamptz", Rule.LATEST),
            new Column("expires_at", "timestamptz", Rule.LATEST),
            new Column("revoke_reason", "text", Rule.ENDING_REASON),
            new Column("revoked_at", "timestamptz", Rule.EARLIEST),
            new Column("revocation_expires_at", "timestamptz", Rule.LATEST));
    private static final List<Column> SESSION_COLUMNS = List.of(
            new Column("session_hash", "text", Rule.KEY),
            new Column("sid", "text", Rule.KNOWN),
            new Column("subject", "text", Rule.KNOWN),
            new Column("username", "text", Rule.KNOWN),
            new Column("client_id", "text", Rule.KNOWN),
            new Column("auth_time", "bigint", Rule.KNOWN),
            new Column("started_at", "timestamptz", Rule.EARLIEST),
            new Column("idle_seconds", "bigint", Rule.KNOWN),
            new Column("absolute_expires_at", "timestamptz", Rule.KNOWN),
            new Column("end_reason", "text", Rule.ENDING_REASON),
            new Column("ended_at", "timestamptz", Rule.EARLIEST));
    private static final List<Column> CONSENT_COLUMNS = List.of(
            new Column("subject", "text", Rule.KEY),
            new Column("client_id", "text", Rule.KEY),
            new Column("scopes", "text[]", Rule.UNION),
            new Column("first_granted_at", "timestamptz", Rule.EARLIEST),
            new Column("last_granted_at", "timestamptz", Rule.LATEST));

    /**
     * A re-hash lands only on the hash it replaced (compare-and-set on its fingerprint): an import or a reset since
     * the sign-in wins, and a replay of an old event changes nothing. The users table is the directory's, not the
     * projection schema's, so a replay into a copy writes here too; the compare makes that harmless. Its NOTIFY
     * trigger refreshes every node's cache.
     */
    private static final String REHASH_SQL = "update users set password_hash = ?"
            + " where subject = ? and origin = 'local'"
            + " and encode(sha256(convert_to(password_hash, 'UTF8')), 'hex') = ?";

    private final String schema;
    private final String topic;
    private final AuditPartitions partitions;
    private final String tokensSql;
    private final String grantsSql;
    private final String sessionsSql;
    private final String consentsSql;
    private final String statsSql;

    public ProjectionWriter(String schema, String topic) {
        this.schema = ProjectionSchema.checked(schema);
        this.topic = topic;
        this.partitions = new AuditPartitions(schema);
        this.tokensSql = Upsert.sql(schema + ".tokens", TOKEN_COLUMNS);
        this.grantsSql = Upsert.sql(schema + ".grants", GRANT_COLUMNS);
        this.sessionsSql = Upsert.sql(schema + ".sessions", SESSION_COLUMNS);
        this.consentsSql = Upsert.sql(schema + ".consents", CONSENT_COLUMNS);
        List<Column> stats = new ArrayList<>(List.of(new Column("client_id", "text", Rule.KEY),
                new Column("minute", "timestamptz", Rule.KEY)));
        for (ClientCounter counter : ClientCounter.values()) {
            stats.add(new Column(counter.column(), "bigint", Rule.ADD));
        }
        this.statsSql = Upsert.sql(schema + ".client_stats", stats);
    }

    public String schema() {
        return schema;
    }

    public AuditPartitions partitions() {
        return partitions;
    }

    /**
     * Applies {@code batch} and commits, or changes nothing.
     *
     * @param expected   where each partition of the batch is stored now (no entry: nothing stored yet)
     * @param appendFrom the oldest audit line and counter minute to write
     * @throws StaleOffsetsException a partition is not at {@code expected}; rolled back
     */
    public void write(Connection connection, ProjectionBatch batch, Map<Integer, Long> expected, AppendFrom appendFrom)
            throws SQLException, StaleOffsetsException {
        List<AuditRow> audit = batch.audit().stream().filter(row -> !row.at().isBefore(appendFrom.audit())).toList();
        List<ClientMinute> stats = batch.stats().stream().filter(row -> !row.minute().isBefore(appendFrom.stats()))
                .toList();
        partitions.ensure(connection, audit.stream().map(AuditRow::at).toList());
        try {
            for (Map.Entry<Integer, Long> next : batch.nextOffsets().entrySet()) {
                Offsets.advance(connection, schema, topic, next.getKey(), expected.get(next.getKey()),
                        next.getValue());
            }
            upsert(connection, tokensSql, batch.tokens(), ProjectionWriter::tokenValues);
            upsert(connection, grantsSql, batch.grants(), ProjectionWriter::grantValues);
            upsert(connection, sessionsSql, batch.sessions(), ProjectionWriter::sessionValues);
            upsert(connection, consentsSql, batch.consents(), ProjectionWriter::consentValues);
            upsert(connection, statsSql, stats, ProjectionWriter::statsValues);
            upsert(connection, "insert into " + schema + ".audit_log (at, event_id, event_type, action, result,"
                    + " subject, username, client_id, ip, grant_id, detail) values (?::timestamptz, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?::jsonb) on conflict do nothing", audit, ProjectionWriter::auditValues);
            upsert(connection, REHASH_SQL, batch.passwordChanges(), ProjectionWriter::passwordValues);
            upsert(connection, "insert into " + schema + ".rejected_events (topic, partition, kafka_offset, payload,"
                    + " error, rejected_at) values (?, ?, ?, ?, ?, now()) on conflict do nothing",
                    batch.rejected(), ProjectionWriter::rejectedValues);
            connection.commit();
        } catch (SQLException | StaleOffsetsException | RuntimeException e) {
            rollbackQuietly(connection, e);
            throw e;
        }
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException rollback) {
            // the connection is usually gone when this happens; the original failure is what matters
            cause.addSuppressed(rollback);
        }
    }

    private static <T> void upsert(Connection connection, String sql, Collection<T> rows,
                                   Function<T, Object[]> values) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (T row : rows) {
                Params.bind(statement, values.apply(row));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static Object[] tokenValues(TokenRow t) {
        return new Object[]{t.hash(), t.kind(), t.grantId(), t.clientId(), t.subject(), t.username(), t.scope(),
                t.grantType(), t.sessionId(), t.format(), t.authTime(), t.issuedAt(), t.expiresAt(), t.rotatedAt(),
                t.redeemedAt(), Ending.reason(t.revocation()), Ending.at(t.revocation()), t.claims()};
    }

    private static Object[] grantValues(GrantRow g) {
        return new Object[]{g.grantId(), g.clientId(), g.subject(), g.username(), g.grantType(), g.sessionId(),
                g.firstSeenAt(), g.lastIssuedAt(), g.expiresAt(), Ending.reason(g.revocation()),
                Ending.at(g.revocation()), g.revocationExpiresAt()};
    }

    private static Object[] sessionValues(SessionRow s) {
        return new Object[]{s.sessionHash(), s.sid(), s.subject(), s.username(), s.clientId(), s.authTime(),
                s.startedAt(), s.idleSeconds(), s.absoluteExpiresAt(), Ending.reason(s.ending()),
                Ending.at(s.ending())};
    }

    private static Object[] consentValues(ConsentRow c) {
        return new Object[]{c.subject(), c.clientId(), c.scopes(), c.firstGrantedAt(), c.lastGrantedAt()};
    }

    private static Object[] statsValues(ClientMinute m) {
        Object[] values = new Object[2 + ClientCounter.values().length];
        values[0] = m.clientId();
        values[1] = m.minute();
        for (ClientCounter counter : ClientCounter.values()) {
            values[2 + counter.ordinal()] = m.count(counter);
        }
        return values;
    }

    private static Object[] auditValues(AuditRow a) {
        return new Object[]{a.at(), a.eventId(), a.eventType(), a.action(), a.result(), a.subject(), a.username(),
                a.clientId(), a.ip(), a.grantId(), Jsons.write(a.detail())};
    }

    private static Object[] passwordValues(PasswordChange c) {
        return new Object[]{c.passwordHash(), c.subject(), c.replacedHashSha256()};
    }

    private static Object[] rejectedValues(RejectedRecord r) {
        return new Object[]{r.topic(), r.partition(), r.offset(), r.payload(), r.error()};
    }
}
