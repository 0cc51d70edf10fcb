package edu.lanyard.perf.gatling;

/**
 * The Ketanyun dialect's token endpoint in its product's request shape (see Dialect): each virtual user gets a token
 * pair by the password grant there once, then refreshes at the same endpoint again and again (a rotating family where
 * the product rotates).
 */
public final class TokenEndpointKetanyun extends LoadSimulation {
    public TokenEndpointKetanyun() {
        closedLoop("token endpoint Ketanyun", Dialect.KETANYUN.password(Campus.KETANYUN, "profile"),
                Dialect.KETANYUN.refresh(Campus.KETANYUN));
    }
}
