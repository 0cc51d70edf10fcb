package edu.lanyard.perf.gatling;

/** Introspection by a resource server (campus-api) of a live access token, one per virtual user. */
public final class Introspection extends LoadSimulation {
    public Introspection() {
        closedLoop("introspection", Flows.passwordGrant(Campus.PORTAL, "profile"),
                Flows.introspect(Flows.ACCESS_TOKEN));
    }
}
