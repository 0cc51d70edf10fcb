package edu.lanyard.perf.gatling;

/**
 * Rotating refresh tokens: each virtual user gets its own token family by the password grant once, then refreshes it,
 * always presenting the refresh token of its previous answer.
 */
public final class RefreshRotation extends LoadSimulation {
    public RefreshRotation() {
        closedLoop("refresh rotation", Flows.passwordGrant(Campus.PORTAL, "profile"),
                Flows.rotateRefresh(Campus.PORTAL));
    }
}
