package edu.lanyard.perf.gatling;

/** GET /oauth2/userinfo with a live user access token, one per virtual user. */
public final class Userinfo extends LoadSimulation {
    public Userinfo() {
        closedLoop("userinfo", Flows.passwordGrant(Campus.PORTAL, "openid profile email"), Flows.userinfo());
    }
}
