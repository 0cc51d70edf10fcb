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
     * Redeems the token for a rotation in one atomic step on its partition owner: marks it rotated if
     * {@code clientId} may redeem it at {@code now} ({@link RefreshTokenRecord#redemptionBy}), and answers the
     * record as it was before either way. The caller tells a first redemption (answered unrotated, for this client,
     * unexpired) from a reuse (answered rotated) or a token it may not use (anything else, left as it was), all
     * from one look-up.
     */
    Future<Optional<RefreshTokenRecord>> markRotated(String hash, String clientId, long now);

    /**
     * Undoes {@link #markRotated} when the redemption is refused after the mark (family revoked, user disabled, a
     * wider scope) or its new tokens could not be issued. Answers the record as it was.
     */
    Future<Optional<RefreshTokenRecord>> unmarkRotated(String hash);

    Future<Optional<RefreshTokenRecord>> remove(String hash);
}
