package edu.lanyard.directory.db;

import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.core.config.PostgresSslMode;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Locale;

/**
 * The one place that says how Lanyard reaches Postgres: the JDBC URL (Hikari pools, Flyway, replay, the database
 * creation) and the reactive client's options (the shared pools, LISTEN), both with {@code postgres.sslMode} and
 * {@code postgres.sslRootCert}, so no connection can be made with other transport settings than the rest.
 *
 * <p>The modes mean what they mean in libpq, for both drivers: {@code allow}, {@code prefer} and {@code require}
 * accept any server certificate; {@code verify-ca} checks it against the root certificate; {@code verify-full}
 * also checks that it names {@code postgres.host}.
 */
public final class PostgresConnections {
    private PostgresConnections() {
    }

    /**
     * Refuses, in one line naming the setting, a configuration whose connections could never work: a verifying mode
     * without a readable PEM root certificate. Reads the file: call at start, off the event loop.
     */
    public static void check(LanyardConfig.Postgres postgres) {
        PostgresSslMode mode = postgres.ssl();
        if (!mode.verifiesCertificate()) {
            return;
        }
        if (postgres.sslRootCert().isEmpty()) {
            throw new IllegalArgumentException("postgres.sslMode " + mode.setting() + " needs postgres.sslRootCert:"
                    + " the PEM root certificate that signed the server's certificate");
        }
        Path file = Path.of(postgres.sslRootCert());
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("postgres.sslRootCert " + file + " cannot be read (postgres.sslMode "
                    + mode.setting() + " needs it)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            if (CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty()) {
                throw new IllegalArgumentException("postgres.sslRootCert " + file + " holds no PEM certificate");
            }
        } catch (IOException | CertificateException e) {
            throw new IllegalArgumentException("postgres.sslRootCert " + file + " is not a PEM certificate: "
                    + e.getMessage());
        }
    }

    /** The JDBC URL of the configured database. */
    public static String jdbcUrl(LanyardConfig.Postgres postgres) {
        return jdbcUrl(postgres, postgres.database());
    }

    /** The JDBC URL of {@code database} on the configured server, with the transport settings. */
    public static String jdbcUrl(LanyardConfig.Postgres postgres, String database) {
        PostgresSslMode mode = postgres.ssl();
        StringBuilder url = new StringBuilder("jdbc:postgresql://").append(postgres.host()).append(':')
                .append(postgres.port()).append('/').append(database)
                .append("?sslmode=").append(mode.setting());
        if (mode.verifiesCertificate()) {
            url.append("&sslrootcert=").append(URLEncoder.encode(postgres.sslRootCert(), StandardCharsets.UTF_8));
        }
        return url.toString();
    }

    /** Options of one reactive connection; {@code applicationName} shows up in pg_stat_activity. No I/O. */
    public static PgConnectOptions connectOptions(LanyardConfig.Postgres postgres, String applicationName) {
        PgConnectOptions options = new PgConnectOptions()
                .setHost(postgres.host())
                .setPort(postgres.port())
                .setDatabase(postgres.database())
                .setUser(postgres.user());
        if (postgres.password() != null && !postgres.password().isEmpty()) {
            options.setPassword(postgres.password());
        }
        options.addProperty("application_name", applicationName);
        return withTls(options, postgres);
    }

    private static PgConnectOptions withTls(PgConnectOptions options, LanyardConfig.Postgres postgres) {
        PostgresSslMode mode = postgres.ssl();
        ClientSSLOptions ssl = new ClientSSLOptions();
        if (mode.verifiesCertificate()) {
            ssl.setTrustOptions(new PemTrustOptions().addCertPath(postgres.sslRootCert()));
            // Empty: no name check (verify-ca); the reactive client would otherwise default to none as well.
            ssl.setHostnameVerificationAlgorithm(mode == PostgresSslMode.VERIFY_FULL ? "HTTPS" : "");
        } else {
            // libpq's allow/prefer/require encrypt without checking the certificate; so does the JDBC driver.
            ssl.setTrustAll(true).setHostnameVerificationAlgorithm("");
        }
        return options.setSslMode(SslMode.of(mode.setting())).setSslOptions(ssl);
    }

    /**
     * A failure to connect, said as one line that names the transport settings when TLS is what failed (a handshake
     * refused, a certificate not trusted or not naming the host, a server without TLS), else as the driver said it.
     */
    public static IllegalStateException explain(LanyardConfig.Postgres postgres, String doing, Throwable failure) {
        String where = "Postgres at " + postgres.host() + ":" + postgres.port();
        String cause = rootMessage(failure);
        if (isTlsFailure(failure)) {
            PostgresSslMode mode = postgres.ssl();
            String hint = switch (mode) {
                case VERIFY_FULL -> "the server's certificate must be signed by the root in postgres.sslRootCert ("
                        + postgres.sslRootCert() + ") and name postgres.host (" + postgres.host() + ")";
                case VERIFY_CA -> "the server's certificate must be signed by the root in postgres.sslRootCert ("
                        + postgres.sslRootCert() + ")";
                case REQUIRE -> "the server must accept TLS (ssl = on in postgresql.conf)";
                default -> "set postgres.sslMode to what the server supports";
            };
            return new IllegalStateException("cannot " + doing + ": the TLS connection to " + where + " failed with"
                    + " postgres.sslMode " + mode.setting() + " (" + cause + "); " + hint, failure);
        }
        return new IllegalStateException("cannot " + doing + " on " + where + ": " + cause, failure);
    }

    static boolean isTlsFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SSLException || t instanceof GeneralSecurityException) {
                return true;
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("ssl") || message.contains("hostname") || message.contains("certificate")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }
}
