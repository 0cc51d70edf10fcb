package edu.lanyard.core.store;

import edu.lanyard.core.token.AccessTokenRecord;
import io.vertx.core.Future;

import java.util.Optional;

/**
 * Live access tokens by the SHA-256 of the token; each entry lives as long as its token.
 * Implemented over Hazelcast in the cluster module, and in memory for unit tests.
 */
public interface AccessTokens {

    Future<Void> save(String hash, AccessTokenRecord token);

    Future<Optional<AccessTokenRecord>> find(String hash);

    /**
     * Moves a sliding token's idle deadline later (never earlier), keeping the entry's expiry at the hard maximum. A
     * token removed or revoked meanwhile stays removed: nothing is written for an absent entry.
     */
    Future<Void> extendIdle(String hash, long idleUntil);

    /** Removes the token; answers the record it removed, if there was one. */
    Future<Optional<AccessTokenRecord>> remove(String hash);
}
