package edu.lanyard.projection.coldstart;

/**
 * How sure a loader must be before it answers a miss from the projections, while the projector may still be
 * writing events from before the restart. It depends on what a wrong answer would do for the map.
 */
enum MissPolicy {
    /**
     * The projector must hold every event from before the restart; until it does the miss fails and the client is
     * told to retry (503 temporarily_unavailable). For tokens and sessions: one not found yet must not be answered
     * "invalid" (a client would drop its refresh token and log its user out), and one revoked just before the
     * restart must not come back to life.
     */
    FENCE_TO_RESTART,
    /**
     * Whatever the projections say now, without waiting. For maps read on every request (family revocations) or
     * whose stale answer is harmless (consents): such an answer is not remembered, so the same miss is asked again
     * once the projection has caught up.
     */
    AS_PROJECTED
}
