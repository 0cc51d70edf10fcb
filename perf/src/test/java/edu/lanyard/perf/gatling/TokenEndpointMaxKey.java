package edu.lanyard.perf.gatling;

/**
 * The MaxKey dialect's token endpoint in its product's request shape (see Dialect): each virtual user gets a token
 * pair by the password grant there once, then refreshes at the same endpoint again and again (a rotating family where
 * the product rotates).
 */
public final class TokenEndpointMaxKey extends LoadSimulation {
    public TokenEndpointMaxKey() {
        closedLoop("token endpoint MaxKey", Dialect.MAXKEY.password(Campus.MAXKEY, "read"),
                Dialect.MAXKEY.refresh(Campus.MAXKEY));
    }
}
