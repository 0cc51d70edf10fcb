package edu.lanyard.projection.rows;

import java.time.Instant;

/**
 * A token family.
 *
 * @param expiresAt            the latest expiry of any token issued in it
 * @param revocationExpiresAt  until when the revocation must be remembered
 */
public record GrantRow(String grantId, String clientId, String subject, String username, String grantType,
                       String sessionId, Instant firstSeenAt, Instant lastIssuedAt, Instant expiresAt,
                       Ending revocation, Instant revocationExpiresAt) {

    public GrantRow merge(GrantRow other) {
        return new GrantRow(grantId, Merge.known(clientId, other.clientId), Merge.known(subject, other.subject),
                Merge.known(username, other.username), Merge.known(grantType, other.grantType),
                Merge.known(sessionId, other.sessionId), Merge.earliest(firstSeenAt, other.firstSeenAt),
                Merge.latest(lastIssuedAt, other.lastIssuedAt), Merge.latest(expiresAt, other.expiresAt),
                Ending.earliest(revocation, other.revocation),
                Merge.latest(revocationExpiresAt, other.revocationExpiresAt));
    }
}
