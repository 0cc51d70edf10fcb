package edu.lanyard.core.store;

import io.vertx.core.Future;

/**
 * Revoked token families (grants), kept as long as the longest-lived token of the family.
 * Implemented over Hazelcast in the cluster module, and in memory for unit tests.
 */
public interface GrantRevocations {

    Future<Void> revoke(String grantId, String reason, long keepSeconds);

    Future<Boolean> isRevoked(String grantId);

    /** Rolls back a revocation that could not be logged. */
    Future<Void> forget(String grantId);
}
