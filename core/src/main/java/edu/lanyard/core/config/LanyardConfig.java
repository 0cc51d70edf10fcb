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
        Branding branding,
        Keys keys,
        Ldap ldap,
        Console console) {

    /**
     * The campus directory and console sections are optional in hand-built configurations (tests): absent means
     * off, and the console's defaults.
     */
    public LanyardConfig {
        ldap = ldap == null ? Ldap.disabled() : ldap;
        console = console == null ? Console.defaults() : console;
    }

    /** Without a console section: what configurations built by hand before {@code console} existed say. */
    public LanyardConfig(String issuer, Http http, Postgres postgres, Kafka kafka, Hazelcast hazelcast,
                         Durability durability, Tokens tokens, Login login, Map<String, DialectMount> dialects,
                         Projection projection, Admin admin, RateLimit rateLimit, Management management,
                         Branding branding, Keys keys, Ldap ldap) {
        this(issuer, http, postgres, kafka, hazelcast, durability, tokens, login, dialects, projection, admin,
                rateLimit, management, branding, keys, ldap, null);
    }

    /** Without a campus directory: what configurations built by hand before {@code ldap} existed say. */
    public LanyardConfig(String issuer, Http http, Postgres postgres, Kafka kafka, Hazelcast hazelcast,
                         Durability durability, Tokens tokens, Login login, Map<String, DialectMount> dialects,
                         Projection projection, Admin admin, RateLimit rateLimit, Management management,
                         Branding branding, Keys keys) {
        this(issuer, http, postgres, kafka, hazelcast, durability, tokens, login, dialects, projection, admin,
                rateLimit, management, branding, keys, null, null);
    }

    /**
     * @param trustForwardedHeaders take the client address and scheme from X-Forwarded-For/-Proto (set it only behind
     *                              a proxy that overwrites them, such as the Kubernetes ingress)
     * @param shutdownDelaySeconds  after SIGTERM, how long the node keeps serving with {@code /health/ready} at 503 and
     *                              {@code Connection: close} on every answer, so load balancers stop sending to it
     *                              before its port closes
     * @param drainTimeoutSeconds   once the port is closed, the longest requests already received get to finish
     */
    public record Http(String host, int port, int maxBodyBytes, boolean trustForwardedHeaders,
                       int shutdownDelaySeconds, int drainTimeoutSeconds) {
        public Http {
            if (shutdownDelaySeconds < 0) {
                throw new IllegalArgumentException("http.shutdownDelaySeconds must be 0 or more, not "
                        + shutdownDelaySeconds);
            }
            if (drainTimeoutSeconds < 0) {
                throw new IllegalArgumentException("http.drainTimeoutSeconds must be 0 or more, not "
                        + drainTimeoutSeconds);
            }
        }
    }

    /**
     * Postgres for clients, users and projections. {@code createDatabase} makes the database if it is missing.
     *
     * @param sslMode     libpq's modes ({@link PostgresSslMode}); every connection, JDBC and reactive, uses it
     * @param sslRootCert PEM file of the root certificate(s) that {@code verify-ca} and {@code verify-full} trust
     */
    public record Postgres(String host, int port, String database, String user, String password, int poolSize,
                           boolean createDatabase, String sslMode, String sslRootCert) {
        public Postgres {
            sslMode = PostgresSslMode.parse(sslMode).setting();
            sslRootCert = sslRootCert == null ? "" : sslRootCert.trim();
        }

        public PostgresSslMode ssl() {
            return PostgresSslMode.parse(sslMode);
        }

        /** The password stays out of logs and exception messages that print the configuration. */
        @Override
        public String toString() {
            return "Postgres[host=" + host + ", port=" + port + ", database=" + database + ", user=" + user
                    + ", poolSize=" + poolSize + ", createDatabase=" + createDatabase + ", sslMode=" + sslMode
                    + ", sslRootCert=" + sslRootCert + "]";
        }
    }

    /**
     * @param bootstrapServers {@code embedded} starts an in-process KRaft broker (dev only); otherwise host:port list
     * @param publishTimeoutMs   how long a request waits for the broker before failing with 503
     * @param minInsyncReplicas the topic's {@code min.insync.replicas} when Lanyard creates it; 0 leaves it to the
     *                          broker's default
     * @param security          how the clients connect and authenticate (TLS, SASL); ignored by the embedded broker
     */
    public record Kafka(String bootstrapServers, String topic, int partitions, short replicationFactor,
                        int minInsyncReplicas, String dataDir, int embeddedPort, int publishTimeoutMs,
                        KafkaSecurity security) {
        /** The partitions of a topic Lanyard creates on a real cluster when {@code kafka.partitions} is 0. */
        public static final int CLUSTER_PARTITIONS = 12;

        public Kafka {
            security = security == null ? KafkaSecurity.plaintext() : security;
            if (partitions < 0) {
                throw new IllegalArgumentException("kafka.partitions must be 0 (automatic) or more, not " + partitions);
            }
            if (minInsyncReplicas < 0 || minInsyncReplicas > Math.max(1, replicationFactor)) {
                throw new IllegalArgumentException("kafka.minInsyncReplicas must be 0 (the broker's default) or"
                        + " between 1 and kafka.replicationFactor (" + replicationFactor + "), not "
                        + minInsyncReplicas);
            }
        }

        public boolean embedded() {
            return "embedded".equals(bootstrapServers);
        }

        /**
         * The partitions the topic is created with: {@code partitions}, or when that is 0 one on dev's embedded
         * broker and {@value #CLUSTER_PARTITIONS} on a real cluster. Partitions are for consumer parallelism, and dev
         * has a single projector; each partition a produce request touches costs the broker, which in dev shares the
         * cores with the server (one partition measured about a quarter more client_credentials per second there).
         */
        public int topicPartitions() {
            if (partitions > 0) {
                return partitions;
            }
            return embedded() ? 1 : CLUSTER_PARTITIONS;
        }
    }

    /**
     * @param mode                   {@code embedded} (this JVM is a member) or {@code client}
     * @param members                addresses of other members (embedded) or of the cluster (client); empty = this
     *                               node alone
     * @param shutdownTimeoutSeconds the longest a stopping member waits for its partitions to reach the other members
     *                               before it leaves anyway
     */
    public record Hazelcast(String mode, String clusterName, int port, List<String> members, int backupCount,
                            int shutdownTimeoutSeconds) {
        public Hazelcast {
            if (shutdownTimeoutSeconds < 1) {
                throw new IllegalArgumentException("hazelcast.shutdownTimeoutSeconds must be 1 or more, not "
                        + shutdownTimeoutSeconds);
            }
        }

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

    /**
     * Password hashing cost and brute-force throttling for the login page and the password grant.
     *
     * @param attributes what a user may type as login name: {@code username}, {@code email} and {@code phone} name the
     *                   columns, any other name a key of the user's attributes (e.g. {@code employeeNumber})
     */
    public record Login(int pbkdf2Iterations, int maxFailuresPerUser, int maxFailuresPerIp, long lockoutSeconds,
                        long sessionIdleSeconds, long sessionMaxSeconds, List<String> attributes) {
        public static final List<String> DEFAULT_ATTRIBUTES = List.of("username", "email", "employeeNumber");

        public Login {
            attributes = attributes == null || attributes.isEmpty() ? DEFAULT_ATTRIBUTES
                    : attributes.stream().map(String::trim).filter(a -> !a.isEmpty()).distinct().toList();
            for (String attribute : attributes) {
                if (!attribute.matches("[A-Za-z0-9_.:-]{1,64}")) {
                    throw new IllegalArgumentException("login.attributes: '" + attribute
                            + "' is not an attribute name (letters, digits, _ . : -)");
                }
            }
        }

        /** Settings with the default login attributes. */
        public Login(int pbkdf2Iterations, int maxFailuresPerUser, int maxFailuresPerIp, long lockoutSeconds,
                     long sessionIdleSeconds, long sessionMaxSeconds) {
            this(pbkdf2Iterations, maxFailuresPerUser, maxFailuresPerIp, lockoutSeconds, sessionIdleSeconds,
                    sessionMaxSeconds, DEFAULT_ATTRIBUTES);
        }
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
     * The operator console at {@code /console} (docs/operations.md, "The console"): it signs operators in through
     * Lanyard itself as the built-in public client {@code lanyard-console}, and lets in only users whose roles (or
     * groups) hold {@code operatorRole}.
     */
    public record Console(boolean enabled, String operatorRole) {
        public static final String DEFAULT_OPERATOR_ROLE = "lanyard-operator";

        public Console {
            operatorRole = operatorRole == null || operatorRole.isBlank() ? DEFAULT_OPERATOR_ROLE
                    : operatorRole.strip();
        }

        public static Console defaults() {
            return new Console(true, DEFAULT_OPERATOR_ROLE);
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

    /**
     * The master key that encrypts the signing keys at rest (Postgres and Hazelcast), and the keys it replaced.
     * Keys are base64 of 32 random bytes ({@code lanyard admin new-master-key}). Never logged.
     *
     * @param masterKey              the key itself (e.g. from LANYARD_KEYS_MASTER_KEY); or
     * @param masterKeyFile          a file holding it (e.g. a mounted Kubernetes Secret)
     * @param previousMasterKeys     keys that only decrypt, during a master-key rotation
     * @param previousMasterKeysFile a file with more of them, one per line
     */
    public record Keys(String masterKey, String masterKeyFile, List<String> previousMasterKeys,
                       String previousMasterKeysFile) {
        public Keys {
            masterKey = masterKey == null ? "" : masterKey.trim();
            masterKeyFile = masterKeyFile == null ? "" : masterKeyFile.trim();
            previousMasterKeys = previousMasterKeys == null ? List.of() : List.copyOf(previousMasterKeys);
            previousMasterKeysFile = previousMasterKeysFile == null ? "" : previousMasterKeysFile.trim();
        }

        public boolean masterKeyConfigured() {
            return !masterKey.isEmpty() || !masterKeyFile.isEmpty();
        }

        /** Says where the keys come from, never what they are. */
        @Override
        public String toString() {
            return "Keys[masterKey=" + (masterKey.isEmpty() ? "" : "***") + ", masterKeyFile=" + masterKeyFile
                    + ", previousMasterKeys=" + previousMasterKeys.size() + " key(s), previousMasterKeysFile="
                    + previousMasterKeysFile + "]";
        }
    }

    /** Campus directory (LDAP / Active Directory) sign-in: docs/directory.md. Checked by {@link LdapSettingsCheck}. */
    public record Ldap(boolean enabled, List<String> urls, boolean startTls, String trustStore,
                       String trustStorePassword, String trustStoreType, String caFile, String bindDn,
                       String bindPassword, String userDnTemplate, String baseDn, List<String> loginAttributes,
                       String userFilter, int connectTimeoutMs, int responseTimeoutMs, int poolSize,
                       Map<String, String> attributes, LdapGroups groups, boolean activeDirectory,
                       int profileCacheSeconds) {
        /** Written out (not compact) so that the whole section can be checked once every field is set. */
        public Ldap(boolean enabled, List<String> urls, boolean startTls, String trustStore,
                    String trustStorePassword, String trustStoreType, String caFile, String bindDn,
                    String bindPassword, String userDnTemplate, String baseDn, List<String> loginAttributes,
                    String userFilter, int connectTimeoutMs, int responseTimeoutMs, int poolSize,
                    Map<String, String> attributes, LdapGroups groups, boolean activeDirectory,
                    int profileCacheSeconds) {
            this.enabled = enabled;
            this.urls = urls == null ? List.of() : List.copyOf(urls);
            this.startTls = startTls;
            this.trustStore = trustStore == null ? "" : trustStore.trim();
            this.trustStorePassword = trustStorePassword == null ? "" : trustStorePassword;
            this.trustStoreType = trustStoreType == null || trustStoreType.isBlank() ? "PKCS12" : trustStoreType.trim();
            this.caFile = caFile == null ? "" : caFile.trim();
            this.bindDn = bindDn == null ? "" : bindDn.trim();
            this.bindPassword = bindPassword == null ? "" : bindPassword;
            this.userDnTemplate = userDnTemplate == null ? "" : userDnTemplate.trim();
            this.baseDn = baseDn == null ? "" : baseDn.trim();
            this.loginAttributes = loginAttributes == null ? List.of() : List.copyOf(loginAttributes);
            this.userFilter = userFilter == null ? "" : userFilter.trim();
            this.connectTimeoutMs = connectTimeoutMs;
            this.responseTimeoutMs = responseTimeoutMs;
            this.poolSize = poolSize;
            this.attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
            this.groups = groups == null ? new LdapGroups("", "", "", 0) : groups;
            this.activeDirectory = activeDirectory;
            this.profileCacheSeconds = profileCacheSeconds;
            if (enabled) {
                LdapSettingsCheck.check(this);
            }
        }

        /** The bundled defaults (lanyard-defaults.yaml): off. */
        public static Ldap disabled() {
            return new Ldap(false, List.of(), false, "", "", "PKCS12", "", "", "", "", "", List.of("uid"), "", 5000,
                    10000, 4, Map.of(), new LdapGroups("", "", "(member={dn})", 0), false, 0);
        }

        /** Search with a service account, then bind as the entry found; else bind directly with the DN template. */
        public boolean searchThenBind() {
            return !bindDn.isEmpty();
        }

        /** The bind password stays out of logs and messages that print the configuration. */
        @Override
        public String toString() {
            return "Ldap[enabled=" + enabled + ", urls=" + urls + ", startTls=" + startTls + ", bindDn=" + bindDn
                    + ", bindPassword=" + (bindPassword.isEmpty() ? "" : "***") + ", baseDn=" + baseDn
                    + ", userDnTemplate=" + userDnTemplate + ", loginAttributes=" + loginAttributes
                    + ", activeDirectory=" + activeDirectory + "]";
        }
    }

    /**
     * Where a directory user's groups come from; their names become the {@code roles} attribute.
     *
     * @param memberOfAttribute an attribute on the user's entry naming group DNs (AD and OpenLDAP's memberof
     *                          overlay: {@code memberOf}); empty: not read
     * @param searchBase        where groups are searched; empty: no group search
     * @param searchFilter      the group search, {@code {dn}} standing for the member's DN (escaped)
     * @param nestedDepth       how many levels of groups within groups are followed (0: direct groups only)
     */
    public record LdapGroups(String memberOfAttribute, String searchBase, String searchFilter, int nestedDepth) {
        public LdapGroups {
            memberOfAttribute = memberOfAttribute == null ? "" : memberOfAttribute.trim();
            searchBase = searchBase == null ? "" : searchBase.trim();
            searchFilter = searchFilter == null || searchFilter.isBlank() ? "(member={dn})" : searchFilter.trim();
        }
    }
}
