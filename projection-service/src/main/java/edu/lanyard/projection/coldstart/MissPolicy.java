package edu.lanyard.projection.coldstart;

/**
 * How sure a loader must be before it answers a miss from the projections, while the cluster may still lack entries
 * from before the restart. It depends on what a wrong answer would do for the map.
 */
enum MissPolicy {
    /**
     * The projector must have applied every event published up to the miss. For maps whose entries are removed
     * without a trace elsewhere (a revoked access token, a session logged out): an older projection would bring
     * them back.
     */
    FENCE_TO_NOW,
    /**
     * The projector must hold every event from before the restart. For refresh tokens: one not found yet must be
     * answered "try again", not "invalid" (the client would drop it), and one revoked since cannot come back to
     * life because its family is marked revoked in the cluster.
     */
    FENCE_TO_RESTART,
    /**
     * Whatever the projections say now, without waiting. For maps read on every request (family revocations) or
     * whose stale answer is harmless (consents, the families of a session); the top-up corrects them once the
     * projection has caught up.
     */
    AS_PROJECTED
}
