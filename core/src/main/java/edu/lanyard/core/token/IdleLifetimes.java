package edu.lanyard.core.token;

import edu.lanyard.core.domain.Client;

/**
 * Which clients' access tokens have a sliding idle lifetime (Apereo CAS's {@code timeToKillInSeconds}): such a token
 * dies after that many seconds without use, each use moving the deadline, never past its hard maximum
 * ({@code expires_in}). Decided by the client's product dialect; most clients have none.
 */
@FunctionalInterface
public interface IdleLifetimes {
    IdleLifetimes NONE = client -> 0;

    /** Seconds of idleness a token of this client survives; 0 for a token that lives its full lifetime. */
    long idleSeconds(Client client);
}
