package edu.lanyard.core.user;

import io.vertx.core.Future;

/**
 * Brute-force protection shared by the login page and the password grant, counted across all nodes: repeated
 * failures lock a username and an address for a while.
 */
public interface LoginThrottle {
    /** Fails with an OAuth error when the username or the address is locked out. */
    Future<Void> checkAllowed(String username, String ip);

    Future<Void> recordFailure(String username, String ip, String clientId);

    Future<Void> recordSuccess(String username);
}
