package edu.lanyard.core.store;

import edu.lanyard.core.token.RefreshTokenRecord;
import io.vertx.core.Future;

import java.util.Optional;

/**
 * Live refresh tokens by the SHA-256 of the token, with the rotation mark that detects reuse.
 * Implemented over Hazelcast in the cluster module, and in memory for unit tests.
 */
public interface RefreshTokens {

    Future<Void> save(String hash, RefreshTokenRecord token);

    Future<Optional<RefreshTokenRecord>> find(String hash);

    /**
     * Marks the token rotated in one atomic step on its partition owner and answers the record as it was before,
     * so the caller can tell a first redemption ({@code rotated == false}) from a reuse.
     */
    Future<Optional<RefreshTokenRecord>> markRotated(String hash);

    /** Undoes {@link #markRotated} when the rotation could not be logged. */
    Future<Optional<RefreshTokenRecord>> unmarkRotated(String hash);

    Future<Optional<RefreshTokenRecord>> remove(String hash);
}
