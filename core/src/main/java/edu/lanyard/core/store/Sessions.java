package edu.lanyard.core.store;

import edu.lanyard.core.session.SessionRecord;
import io.vertx.core.Future;

import java.util.Optional;
import java.util.Set;

/**
 * SSO sessions by the hash of their cookie, and the token families issued in each session.
 * Implemented over Hazelcast in the cluster module, and in memory for unit tests.
 */
public interface Sessions {

    Future<Void> save(String cookieHash, SessionRecord session, long idleSeconds);

    Future<Optional<SessionRecord>> find(String cookieHash);

    /** Extends the idle timeout after activity. */
    Future<Void> touch(String cookieHash, SessionRecord session, long idleSeconds);

    Future<Optional<SessionRecord>> remove(String cookieHash);

    /**
     * Links a token family to the session so logout can revoke it.
     *
     * @param keepSeconds how long the session's grant list is kept; every call resets it, so pass the session's
     *                    remaining life (the same for every grant of the session), not a token lifetime
     */
    Future<Void> addGrant(String sid, String grantId, long keepSeconds);

    Future<Set<String>> takeGrants(String sid);
}
