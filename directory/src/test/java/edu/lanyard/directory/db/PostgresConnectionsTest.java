package edu.lanyard.directory.db;

import edu.lanyard.core.config.LanyardConfig;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both drivers get the same transport from one place; a verifying mode without a usable root is refused at start. */
class PostgresConnectionsTest {
    @TempDir
    Path dir;

    @Test
    void theJdbcUrlCarriesTheModeAndForVerifyingModesTheRoot() {
        assertEquals("jdbc:postgresql://db.campus.test:5432/lanyard?sslmode=prefer",
                PostgresConnections.jdbcUrl(postgres("prefer", "")));
        assertEquals("jdbc:postgresql://db.campus.test:5432/postgres?sslmode=disable",
                PostgresConnections.jdbcUrl(postgres("disable", "/ignored.pem"), "postgres"));
        assertEquals("jdbc:postgresql://db.campus.test:5432/lanyard?sslmode=verify-full"
                        + "&sslrootcert=%2Fetc%2Flanyard%2Fpostgres-ca%2Fca+bundle.crt",
                PostgresConnections.jdbcUrl(postgres("verify-full", "/etc/lanyard/postgres-ca/ca bundle.crt")));
    }

    @Test
    void theReactiveOptionsMeanTheSameAsLibpq() {
        PgConnectOptions prefer = PostgresConnections.connectOptions(postgres("prefer", ""), "test");
        assertEquals(SslMode.PREFER, prefer.getSslMode());
        assertTrue(prefer.getSslOptions().isTrustAll(), "prefer/require check no certificate, as in libpq");
        assertEquals(SslMode.REQUIRE, PostgresConnections.connectOptions(postgres("require", ""), "t").getSslMode());
        assertEquals(SslMode.DISABLE, PostgresConnections.connectOptions(postgres("disable", ""), "t").getSslMode());

        PgConnectOptions verifyCa = PostgresConnections.connectOptions(postgres("verify-ca", "/ca.pem"), "t");
        assertEquals(SslMode.VERIFY_CA, verifyCa.getSslMode());
        assertEquals("/ca.pem", ((PemTrustOptions) verifyCa.getSslOptions().getTrustOptions()).getCertPaths().get(0));
        assertEquals("", verifyCa.getSslOptions().getHostnameVerificationAlgorithm());
        PgConnectOptions verifyFull = PostgresConnections.connectOptions(postgres("verify-full", "/ca.pem"), "t");
        assertEquals("HTTPS", verifyFull.getSslOptions().getHostnameVerificationAlgorithm());
        assertTrue(!verifyFull.getSslOptions().isTrustAll());
        assertEquals("t", verifyFull.getProperties().get("application_name"));
    }

    @Test
    void aVerifyingModeNeedsAReadablePemRoot() throws Exception {
        assertEquals("postgres.sslMode verify-full needs postgres.sslRootCert: the PEM root certificate that signed"
                + " the server's certificate", refusal(postgres("verify-full", "")));
        Path missing = dir.resolve("missing.crt");
        assertEquals("postgres.sslRootCert " + missing + " cannot be read (postgres.sslMode verify-ca needs it)",
                refusal(postgres("verify-ca", missing.toString())));
        Path notPem = Files.writeString(dir.resolve("not.pem"), "hello");
        assertTrue(refusal(postgres("verify-full", notPem.toString())).startsWith("postgres.sslRootCert " + notPem),
                refusal(postgres("verify-full", notPem.toString())));
        PostgresConnections.check(postgres("require", ""));   // nothing to check
    }

    private static String refusal(LanyardConfig.Postgres postgres) {
        return assertThrows(IllegalArgumentException.class, () -> PostgresConnections.check(postgres)).getMessage();
    }

    private static LanyardConfig.Postgres postgres(String mode, String rootCert) {
        return new LanyardConfig.Postgres("db.campus.test", 5432, "lanyard", "lanyard", "", 4, false, mode, rootCert);
    }
}
