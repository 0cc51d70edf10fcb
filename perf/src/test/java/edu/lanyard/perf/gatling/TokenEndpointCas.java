package edu.lanyard.perf.gatling;

/**
 * The CAS dialect's token endpoint in its product's request shape (see Dialect): each virtual user gets a token pair
 * by the password grant there once, then refreshes at the same endpoint again and again (a rotating family where the
 * product rotates).
 */
public final class TokenEndpointCas extends LoadSimulation {
    public TokenEndpointCas() {
        closedLoop("token endpoint CAS", Dialect.CAS.password(Campus.CAS, "profile"),
                Dialect.CAS.refresh(Campus.CAS));
    }
}
