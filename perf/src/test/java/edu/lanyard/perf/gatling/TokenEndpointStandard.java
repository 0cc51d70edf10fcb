package edu.lanyard.perf.gatling;

/**
 * The Standard dialect's token endpoint in its product's request shape (see Dialect): each virtual user gets a token
 * pair by the password grant there once, then refreshes at the same endpoint again and again (a rotating family where
 * the product rotates).
 */
public final class TokenEndpointStandard extends LoadSimulation {
    public TokenEndpointStandard() {
        closedLoop("token endpoint Standard", Dialect.STANDARD.password(Campus.PORTAL, "profile"),
                Dialect.STANDARD.refresh(Campus.PORTAL));
    }
}
