package edu.lanyard.core.config;

/**
 * The management listener: {@code /metrics}, {@code /health/live} and {@code /health/ready} on a port of their own,
 * so the service port (the one an ingress or load balancer exposes) never serves the metrics, which are large and
 * name every client in their labels.
 *
 * @param enabled          open the management port at all
 * @param host             where it binds; loopback unless a scraper on another host needs it
 * @param port             0 picks a free port (tests)
 * @param metricsTokenHash SHA-256 (hex) of a bearer token; when set, {@code /metrics} is also served on the service
 *                         port, to requests that bear that token and to nobody else
 */
public record Management(boolean enabled, String host, int port, String metricsTokenHash) {
    public Management {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("management.port must be 0-65535, not " + port);
        }
        metricsTokenHash = metricsTokenHash == null ? "" : metricsTokenHash.trim();
        if (!metricsTokenHash.isEmpty() && !metricsTokenHash.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("management.metricsTokenHash must be the SHA-256 of the token in hex;"
                    + " `lanyard admin new-token` makes a token and its hash");
        }
    }

    /** Whether {@code /metrics} is also on the service port, behind {@link #metricsTokenHash}. */
    public boolean metricsOnServicePort() {
        return !metricsTokenHash.isEmpty();
    }
}
