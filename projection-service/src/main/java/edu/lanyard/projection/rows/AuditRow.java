package edu.lanyard.projection.rows;

import java.time.Instant;
import java.util.Map;

/**
 * One line of the audit log: who did what to which client, from where, with what result.
 *
 * @param detail event-specific facts (grant type, scope, reason …), stored as JSON
 */
public record AuditRow(Instant at, String eventId, String eventType, String action, String result, String subject,
                       String username, String clientId, String ip, String grantId, Map<String, Object> detail) {

    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";
}
