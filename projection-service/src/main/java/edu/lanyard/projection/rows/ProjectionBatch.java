package edu.lanyard.projection.rows;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows a run of events produces, folded in memory so each row is written once per batch, plus the offset
 * every partition will continue from once the batch is committed.
 */
public final class ProjectionBatch {
    private final Map<String, TokenRow> tokens = new LinkedHashMap<>();
    private final Map<String, GrantRow> grants = new LinkedHashMap<>();
    private final Map<String, SessionRow> sessions = new LinkedHashMap<>();
    private final Map<String, ConsentRow> consents = new LinkedHashMap<>();
    private final Map<ClientMinute.Key, ClientMinute> stats = new LinkedHashMap<>();
    private final List<AuditRow> audit = new ArrayList<>();
    private final List<PasswordChange> passwordChanges = new ArrayList<>();
    private final List<RejectedRecord> rejected = new ArrayList<>();
    private final Map<Integer, Long> nextOffsets = new TreeMap<>();
    private int events;

    void token(TokenRow row) {
        tokens.merge(row.hash(), row, TokenRow::merge);
    }

    void grant(GrantRow row) {
        grants.merge(row.grantId(), row, GrantRow::merge);
    }

    void session(SessionRow row) {
        sessions.merge(row.sessionHash(), row, SessionRow::merge);
    }

    void consent(ConsentRow row) {
        consents.merge(row.key(), row, ConsentRow::merge);
    }

    void count(ClientMinute minute) {
        if (minute.clientId() != null) {
            stats.merge(minute.key(), minute, ClientMinute::plus);
        }
    }

    void audit(AuditRow row) {
        audit.add(row);
    }

    /** Kept in event order: the compare-and-set of each re-hash sees the one before it. */
    void passwordChange(PasswordChange change) {
        passwordChanges.add(change);
    }

    public void reject(RejectedRecord record) {
        rejected.add(record);
    }

    /** Records that the event at {@code offset} is in this batch (applied or rejected). */
    public void consumed(int partition, long offset) {
        nextOffsets.merge(partition, offset + 1, Math::max);
        events++;
    }

    public Collection<TokenRow> tokens() {
        return tokens.values();
    }

    public Collection<GrantRow> grants() {
        return grants.values();
    }

    public Collection<SessionRow> sessions() {
        return sessions.values();
    }

    public Collection<ConsentRow> consents() {
        return consents.values();
    }

    public Collection<ClientMinute> stats() {
        return stats.values();
    }

    public List<AuditRow> audit() {
        return audit;
    }

    public List<PasswordChange> passwordChanges() {
        return passwordChanges;
    }

    public List<RejectedRecord> rejected() {
        return rejected;
    }

    public Map<Integer, Long> nextOffsets() {
        return nextOffsets;
    }

    public int events() {
        return events;
    }

    public boolean isEmpty() {
        return nextOffsets.isEmpty();
    }
}
