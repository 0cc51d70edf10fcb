package edu.lanyard.perf.gatling;

/**
 * The PHP SSO dialect's token endpoint in its product's request shape (see Dialect): each virtual user gets a token
 * pair by the password grant there once, then refreshes at the same endpoint again and again (a rotating family where
 * the product rotates).
 */
public final class TokenEndpointPhpSso extends LoadSimulation {
    public TokenEndpointPhpSso() {
        closedLoop("token endpoint PHP SSO", Dialect.PHP_SSO.password(Campus.PHP_SSO, "profile"),
                Dialect.PHP_SSO.refresh(Campus.PHP_SSO));
    }
}
