package edu.lanyard.core.user;

import io.vertx.core.Future;

import java.time.Instant;
import java.util.Optional;

/**
 * Brute-force protection shared by the login page and the password grant, counted across all nodes: repeated
 * failures lock an account and an address for a while. The account is the user's canonical username whatever login
 * name was typed (username, email or campus number), so three ways of typing one name share one count.
 */
public interface LoginThrottle {
    /** When the lock on the account or the address ends (the later of the two), or empty when neither is locked. */
    Future<Optional<Instant>> lockedUntil(String account, String ip);

    Future<Void> recordFailure(String account, String ip, String clientId);

    Future<Void> recordSuccess(String account);

    /** Lifts the lock on an account and forgets its failures (the help desk's unlock). */
    Future<Void> unlock(String account);
}
