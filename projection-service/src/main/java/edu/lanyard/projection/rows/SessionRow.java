package edu.lanyard.projection.rows;

import java.time.Instant;

/**
 * An SSO session by cookie hash.
 *
 * @param sid         the public session id that tokens and codes issued in the session carry
 * @param authTime    epoch seconds of the password check
 * @param idleSeconds how long the session lives without use
 */
public record SessionRow(String sessionHash, String sid, String subject, String username, String clientId,
                         Long authTime, Instant startedAt, Long idleSeconds, Instant absoluteExpiresAt,
                         Ending ending) {

    public SessionRow merge(SessionRow other) {
        return new SessionRow(sessionHash, Merge.known(sid, other.sid), Merge.known(subject, other.subject),
                Merge.known(username, other.username), Merge.known(clientId, other.clientId),
                Merge.known(authTime, other.authTime), Merge.earliest(startedAt, other.startedAt),
                Merge.known(idleSeconds, other.idleSeconds),
                Merge.known(absoluteExpiresAt, other.absoluteExpiresAt), Ending.earliest(ending, other.ending));
    }
}
