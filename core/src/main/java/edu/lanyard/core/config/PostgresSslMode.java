package edu.lanyard.core.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a connection to Postgres uses TLS, with libpq's names and meanings. Only the {@code verify-*} modes check who
 * answers: {@code allow}, {@code prefer} and {@code require} encrypt (or may) but accept any server certificate.
 */
public enum PostgresSslMode {
    /** Plain text only. */
    DISABLE("disable"),
    /** Plain text; TLS only if the server insists. */
    ALLOW("allow"),
    /** TLS if the server offers it, else plain text. The default: what libpq and the JDBC driver do. */
    PREFER("prefer"),
    /** TLS or no connection; the server certificate is not checked. */
    REQUIRE("require"),
    /** TLS with a server certificate signed by {@code postgres.sslRootCert}. */
    VERIFY_CA("verify-ca"),
    /** As verify-ca, and the certificate must name {@code postgres.host}. */
    VERIFY_FULL("verify-full");

    private final String setting;

    PostgresSslMode(String setting) {
        this.setting = setting;
    }

    /** The name in the configuration and in the drivers' {@code sslmode}. */
    public String setting() {
        return setting;
    }

    public boolean verifiesCertificate() {
        return this == VERIFY_CA || this == VERIFY_FULL;
    }

    /** Blank means {@link #PREFER}; anything else unknown is refused with the list of modes. */
    public static PostgresSslMode parse(String value) {
        if (value == null || value.isBlank()) {
            return PREFER;
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(mode -> mode.setting.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("postgres.sslMode must be one of "
                        + Arrays.stream(values()).map(PostgresSslMode::setting).collect(Collectors.joining(", "))
                        + ", not \"" + value.trim() + "\""));
    }
}
