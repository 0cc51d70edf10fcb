package edu.lanyard.core.config;

import java.util.List;
import java.util.Map;

/**
 * Everything a Lanyard node is told at start. Read from one YAML file with {@code LANYARD_*} environment overrides by
 * {@link ConfigLoader}; every field has a default so {@code lanyard dev} runs with no file at all.
 */
public record LanyardConfig(
        String issuer,
        Http http,
        Postgres postgres,
        Kafka kafka,
        Hazelcast hazelcast,
        Durability durability,
        Tokens tokens,
        Login login,
        Map<String, DialectMount> dialects,
        Projection projection,
        Admin admin,
        RateLimit rateLimit,
        Management management,
        Branding branding) {

    /**
     * @param trustForwardedHeaders take the client address and scheme from X-Forwarded-For/-Proto (set it only behind
     *                              a proxy that overwrites them, such as the Kubernetes ingress)
     */
    public record Http(String host, int port, int maxBodyBytes, boolean trustForwardedHeaders) {
    }

    /** Postgres for clients, users and projections. {@code createDatabase} makes the database if it is missing. */
    public record Postgres(String host, int port, String database, String user, String password, int poolSize,
                           boolean createDatabase) {
        public String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }

    /**
     * @param bootstrapServers {@code embedded} starts an in-process KRaft broker (dev only); otherwise host:port list
     * @param publishTimeoutMs how long a request waits for the broker before failing with 503
     */
    public record Kafka(String bootstrapServers, String topic, int partitions, short replicationFactor,
                        String dataDir, int embeddedPort, int publishTimeoutMs) {
        public boolean embedded() {
            return "embedded".equals(bootstrapServers);
        }
    }

    /**
     * @param mode    {@code embedded} (this JVM is a member) or {@code client}
     * @param members addresses of other members (embedded) or of the cluster (client); empty = this node alone
     */
    public record Hazelcast(String mode, String clusterName, int port, List<String> members, int backupCount) {
        public boolean client() {
            return "client".equals(mode);
        }
    }

    /** {@code KAFKA}: respond after the broker acknowledged the event; {@code MEMORY}: after the Hazelcast write. */
    public enum Durability { KAFKA, MEMORY }

    /** Server-wide defaults; a client may override the lifetimes. Seconds. */
    public record Tokens(long accessTokenTtl, long refreshTokenTtl, long codeTtl, long idTokenTtl,
                         long signingKeyRotationDays) {
    }

    /** Password hashing cost and brute-force throttling for the login page and the password grant. */
    public record Login(int pbkdf2Iterations, int maxFailuresPerUser, int maxFailuresPerIp, long lockoutSeconds,
                        long sessionIdleSeconds, long sessionMaxSeconds) {
    }

    /**
     * The projector that turns the event topic into Postgres tables.
     *
     * @param enabled            run the projector in {@code dev} and {@code serve all} ({@code serve projection}
     *                           always does)
     * @param maxBatch           most events applied in one Postgres transaction
     * @param auditRetentionDays whole days of audit log kept; older daily partitions are dropped
     * @param statsRetentionDays whole days of per-client per-minute counters kept
     */
    public record Projection(boolean enabled, String groupId, int maxBatch, int auditRetentionDays,
                             int statsRetentionDays) {
    }

    /**
     * Who may use the operator API: HTTP Basic with {@code user} and a {@code PasswordHasher} hash, and/or a bearer
     * token given as its SHA-256 in hex. With neither the admin API is not mounted.
     */
    public record Admin(String user, String passwordHash, String tokenHash) {
        public boolean enabled() {
            return (notBlank(user) && notBlank(passwordHash)) || notBlank(tokenHash);
        }

        private static boolean notBlank(String value) {
            return value != null && !value.isBlank();
        }
    }

    /**
     * Throttling of client-credential guessing at the token, introspection and revocation endpoints of every mount,
     * counted across the cluster. Only failed client authentications count, so a client with the right secret is
     * never slowed by its own traffic.
     *
     * @param failuresPerClient  failed authentications of one client_id within a window before its requests are
     *                           answered 429 until the window ends
     * @param failuresPerAddress the same per source address (all client ids together)
     * @param windowSeconds      a window starts at its first failure
     */
    public record RateLimit(boolean enabled, int failuresPerClient, int failuresPerAddress, long windowSeconds) {
    }

    /** A product dialect switched on or off and mounted at a prefix (docs/products.md §0.2). */
    public record DialectMount(boolean enabled, String prefix, Map<String, Object> options) {
    }
}
