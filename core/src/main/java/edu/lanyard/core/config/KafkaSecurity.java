package edu.lanyard.core.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How every Kafka client of a node reaches the brokers: {@code kafka.security} in the configuration. The settings
 * are checked when the configuration is read (what belongs together); whether the stores can be read is checked when
 * the first client is built, at start ({@link #requireReadableStores()}), so a configuration can be read on a
 * machine that does not hold them.
 *
 * @param protocol   {@code PLAINTEXT} (default), {@code SSL}, {@code SASL_PLAINTEXT} or {@code SASL_SSL}
 * @param truststore the CA certificates the brokers' certificates are checked against (TLS protocols)
 * @param keystore   this client's own certificate and key, for brokers that require mutual TLS; optional
 * @param sasl       the SASL mechanism and credentials (SASL protocols)
 */
public record KafkaSecurity(String protocol, Store truststore, Store keystore, Sasl sasl) {
    public static final List<String> PROTOCOLS = List.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    public static final List<String> MECHANISMS = List.of("SCRAM-SHA-256", "SCRAM-SHA-512", "PLAIN");
    public static final List<String> STORE_TYPES = List.of("PKCS12", "JKS", "PEM");

    public KafkaSecurity {
        protocol = protocol == null || protocol.isBlank() ? "PLAINTEXT" : protocol.trim().toUpperCase(Locale.ROOT);
        truststore = truststore == null ? Store.NONE : truststore;
        keystore = keystore == null ? Store.NONE : keystore;
        sasl = sasl == null ? Sasl.NONE : sasl;
        if (!PROTOCOLS.contains(protocol)) {
            throw new IllegalArgumentException("kafka.security.protocol must be one of " + PROTOCOLS + " (got \""
                    + protocol + "\")");
        }
        boolean tls = protocol.endsWith("SSL");
        boolean usesSasl = protocol.startsWith("SASL_");
        truststore.check("kafka.security.truststore");
        keystore.check("kafka.security.keystore");
        if (tls && !truststore.configured()) {
            throw new IllegalArgumentException("kafka.security.truststore.path must be set when"
                    + " kafka.security.protocol is " + protocol);
        }
        if (!tls && (truststore.configured() || keystore.configured())) {
            throw new IllegalArgumentException("kafka.security."
                    + (truststore.configured() ? "truststore" : "keystore") + ".path is set but"
                    + " kafka.security.protocol is " + protocol + ", which does not use TLS: use SSL or SASL_SSL");
        }
        if (keystore.configured() && keystore.password().isEmpty() && !"PEM".equals(keystore.type())) {
            throw new IllegalArgumentException("kafka.security.keystore.password must be set with"
                    + " kafka.security.keystore.path");
        }
        if (usesSasl) {
            sasl.check(protocol);
        } else if (sasl.configured()) {
            throw new IllegalArgumentException("kafka.security.sasl.username is set but kafka.security.protocol is "
                    + protocol + ", which does not use SASL: use SASL_PLAINTEXT or SASL_SSL");
        }
    }

    public static KafkaSecurity plaintext() {
        return new KafkaSecurity("PLAINTEXT", Store.NONE, Store.NONE, Sasl.NONE);
    }

    public boolean tls() {
        return protocol.endsWith("SSL");
    }

    public boolean usesSasl() {
        return protocol.startsWith("SASL_");
    }

    /**
     * Refuses, naming the setting, a configured store this process cannot read: the Kafka client would otherwise
     * fail later with a message that names neither the file nor the setting.
     */
    public void requireReadableStores() {
        truststore.requireReadable("kafka.security.truststore.path");
        keystore.requireReadable("kafka.security.keystore.path");
    }

    /**
     * A key or trust store file. {@code toString} never shows the password.
     *
     * @param type {@code PKCS12} (default), {@code JKS} or {@code PEM}
     */
    public record Store(String path, String password, String type) {
        static final Store NONE = new Store("", "", "PKCS12");

        public Store {
            path = path == null ? "" : path.trim();
            password = password == null ? "" : password;
            type = type == null || type.isBlank() ? "PKCS12" : type.trim().toUpperCase(Locale.ROOT);
        }

        public boolean configured() {
            return !path.isEmpty();
        }

        private void check(String key) {
            if (!STORE_TYPES.contains(type)) {
                throw new IllegalArgumentException(key + ".type must be one of " + STORE_TYPES + " (got \"" + type
                        + "\")");
            }
        }

        private void requireReadable(String key) {
            if (!configured()) {
                return;
            }
            Path file = Path.of(path);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(key + ": no such file " + path);
            }
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException(key + ": " + path + " is not readable by this process");
            }
        }

        @Override
        public String toString() {
            return "Store[path=" + path + ", password=" + (password.isEmpty() ? "" : "****") + ", type=" + type + "]";
        }
    }

    /** The SASL mechanism and this node's Kafka user. {@code toString} never shows the password. */
    public record Sasl(String mechanism, String username, String password) {
        static final Sasl NONE = new Sasl("SCRAM-SHA-512", "", "");

        public Sasl {
            mechanism = mechanism == null || mechanism.isBlank() ? "SCRAM-SHA-512"
                    : mechanism.trim().toUpperCase(Locale.ROOT);
            username = username == null ? "" : username.trim();
            password = password == null ? "" : password;
        }

        boolean configured() {
            return !username.isEmpty() || !password.isEmpty();
        }

        private void check(String protocol) {
            if (!MECHANISMS.contains(mechanism)) {
                throw new IllegalArgumentException("kafka.security.sasl.mechanism must be one of " + MECHANISMS
                        + " (got \"" + mechanism + "\")");
            }
            List<String> missing = Arrays.asList(username.isEmpty() ? "kafka.security.sasl.username" : null,
                    password.isEmpty() ? "kafka.security.sasl.password" : null);
            String names = String.join(" and ", missing.stream().filter(m -> m != null).toList());
            if (!names.isEmpty()) {
                throw new IllegalArgumentException(names + " must be set when kafka.security.protocol is "
                        + protocol);
            }
        }

        @Override
        public String toString() {
            return "Sasl[mechanism=" + mechanism + ", username=" + username + ", password="
                    + (password.isEmpty() ? "" : "****") + "]";
        }
    }
}
