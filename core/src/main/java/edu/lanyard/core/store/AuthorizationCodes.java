package edu.lanyard.core.store;

import edu.lanyard.core.token.AuthorizationCodeRecord;
import io.vertx.core.Future;

import java.util.Optional;

/**
 * Authorization codes by hash until redeemed, and the redeemed ones for replay detection.
 * Implemented over Hazelcast in the cluster module, and in memory for unit tests.
 */
public interface AuthorizationCodes {

    /** What a token request found under a code. */
    sealed interface Redemption {
        /** The code was issued to the requesting client and is now out of the store: this request redeems it. */
        record Taken(AuthorizationCodeRecord code) implements Redemption {
        }

        /** The code belongs to another client; it was left in the store, still redeemable by its owner. */
        record HeldByAnotherClient() implements Redemption {
        }

        /** Never issued, expired, or already redeemed. */
        record Absent() implements Redemption {
        }
    }

    /** A redeemed code: the grant it started and the client it was issued to (null in a marker of an older node). */
    record RedeemedCode(String grantId, String clientId) {
    }

    Future<Void> save(String hash, AuthorizationCodeRecord code);

    /**
     * Takes the code out of the store unconditionally, to discard one; empty if it was never issued, expired, or
     * already redeemed. A token request redeems with {@link #takeIssuedTo}.
     */
    Future<Optional<AuthorizationCodeRecord>> take(String hash);

    /**
     * Takes the code out of the store only if it was issued to {@code clientId}, in one atomic step on the code's
     * partition owner: a client presenting another client's code can neither redeem it nor use it up.
     */
    Future<Redemption> takeIssuedTo(String hash, String clientId);

    /** Puts a taken code back when issuing from it failed, so the client can retry. */
    Future<Void> restore(String hash, AuthorizationCodeRecord code);

    /** Remembers who redeemed the code and the grant it started, so that a replay by that client revokes it. */
    Future<Void> rememberRedeemed(String hash, AuthorizationCodeRecord code);

    /** The grant issued from this code, and to which client, if it was already redeemed. */
    Future<Optional<RedeemedCode>> redeemed(String hash);
}
