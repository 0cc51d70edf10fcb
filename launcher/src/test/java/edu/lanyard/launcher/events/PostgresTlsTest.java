package edu.lanyard.launcher.events;

import edu.lanyard.devkit.FreePorts;
import edu.lanyard.devkit.TestCertificates;
import edu.lanyard.devkit.ThrowawayPostgres;
import edu.lanyard.launcher.LanyardTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import static edu.lanyard.launcher.events.MixedWorkload.SERVICE_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code postgres.sslMode} on whole nodes, against a Postgres cluster of this test's own with ssl = on and a
 * certificate from a certificate authority made here (the machine's shared server keeps its settings): every
 * connection a node opens — the reactive pool and LISTEN, the JDBC pools of the projector and the cold start, Flyway
 * — is encrypted, as {@code pg_stat_ssl} shows; verify-full accepts the right root certificate and refuses another,
 * in one line naming the settings.
 */
@Tag("fault")
class PostgresTlsTest {
    @TempDir
    static Path dir;
    private static TestCertificates authority;
    private static TestCertificates stranger;
    private static ThrowawayPostgres server;

    @BeforeAll
    static void startServerWithTls() {
        String missing = ThrowawayPostgres.unavailable().or(TestCertificates::unavailable).orElse(null);
        if (missing != null) {
            System.out.println("PostgresTlsTest skipped: " + missing);
        }
        Assumptions.assumeTrue(missing == null, missing);
        authority = TestCertificates.authority(dir, "lanyard-test-ca");
        stranger = TestCertificates.authority(dir, "some-other-ca");
        long started = System.nanoTime();
        server = ThrowawayPostgres.start(FreePorts.pick(),
                authority.server("postgres-server", List.of("DNS:localhost", "IP:127.0.0.1")));
        System.out.printf("throwaway Postgres with ssl = on at %s:%d, ready in %d ms%n", server.host(),
                server.port(), (System.nanoTime() - started) / 1_000_000);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void requireEncryptsEveryConnectionOfANode() throws Exception {
        assertEveryConnectionEncrypted("lanyard_tls_require", Map.of("LANYARD_POSTGRES_SSL_MODE", "require"));
    }

    @Test
    void verifyFullWithTheRightRootCertificateConnectsEncrypted() throws Exception {
        assertEveryConnectionEncrypted("lanyard_tls_verify_full", Map.of(
                "LANYARD_POSTGRES_SSL_MODE", "verify-full",
                "LANYARD_POSTGRES_SSL_ROOT_CERT", authority.certificate().toString()));
    }

    @Test
    void verifyFullWithAnotherRootCertificateIsRefusedInOneLineNamingTheSettings() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> node("lanyard_tls_wrong_root",
                Map.of("LANYARD_POSTGRES_SSL_MODE", "verify-full",
                        "LANYARD_POSTGRES_SSL_ROOT_CERT", stranger.certificate().toString())).start());
        String message = refused.getMessage();
        System.out.println("verify-full, wrong root: " + message);
        assertTrue(message.contains("postgres.sslMode verify-full"), message);
        assertTrue(message.contains("postgres.sslRootCert (" + stranger.certificate() + ")"), message);
        assertFalse(message.contains("\n"), "one line: " + message);
    }

    @Test
    void requireAgainstAServerWithoutTlsIsRefusedInOneLine() {
        // The machine's shared Postgres: ssl = off there (checked, not assumed).
        Assumptions.assumeTrue("off".equals(sharedServerSsl()), "the shared Postgres has ssl on");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> LanyardTestServer.builder()
                .env("LANYARD_POSTGRES_SSL_MODE", "require").start());
        System.out.println("require, server without TLS: " + refused.getMessage());
        assertTrue(refused.getMessage().contains("postgres.sslMode require"), refused.getMessage());
        assertTrue(refused.getMessage().contains("ssl = on"), refused.getMessage());
    }

    private static void assertEveryConnectionEncrypted(String database, Map<String, String> tls) throws Exception {
        try (LanyardTestServer node = node(database, tls).start()) {
            Tokens tokens = new Tokens(node.baseUrl());
            assertEquals(200, tokens.clientCredentials("service", SERVICE_SECRET, "reports.read").status());
            // The projector opens its JDBC connection when the token's event reaches it, which may be a moment after
            // the response: wait for all three kinds of connection before judging them.
            Map<String, String> connections = connectionsTo(database);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!hasEveryKind(connections.keySet()) && System.nanoTime() < deadline) {
                Thread.sleep(250);
                connections = connectionsTo(database);
            }
            System.out.printf("%s: %d connections from the node, by application_name and ssl: %s%n",
                    tls.get("LANYARD_POSTGRES_SSL_MODE"), connections.size(), connections);
            assertTrue(connections.values().stream().allMatch(ssl -> ssl.startsWith("ssl TLSv")), connections.toString());
            assertTrue(connections.keySet().stream().anyMatch(name -> name.startsWith("lanyard-projector")),
                    "a JDBC (Hikari) pool connection is among them: " + connections.keySet());
            assertTrue(connections.keySet().stream().anyMatch(name -> name.startsWith("lanyard-clients-listener")),
                    "the reactive LISTEN connection too: " + connections.keySet());
            assertTrue(connections.keySet().stream().anyMatch(name -> name.startsWith("lanyard#")),
                    "and the shared reactive pool: " + connections.keySet());
        }
    }

    private static boolean hasEveryKind(Set<String> names) {
        return names.stream().anyMatch(name -> name.startsWith("lanyard-projector"))
                && names.stream().anyMatch(name -> name.startsWith("lanyard-clients-listener"))
                && names.stream().anyMatch(name -> name.startsWith("lanyard#"));
    }

    /** A node whose Postgres is the throwaway server, on a database of its own that the node creates. */
    private static LanyardTestServer.Builder node(String database, Map<String, String> tls) {
        Map<String, String> env = new HashMap<>(tls);
        env.put("LANYARD_POSTGRES_HOST", server.host());
        env.put("LANYARD_POSTGRES_PORT", String.valueOf(server.port()));
        env.put("LANYARD_POSTGRES_USER", "postgres");
        env.put("LANYARD_POSTGRES_PASSWORD", "");
        env.put("LANYARD_POSTGRES_DATABASE", database);
        env.put("LANYARD_POSTGRES_CREATE_DATABASE", "true");
        return LanyardTestServer.builder().env(env).importing("/events-clients.yaml");
    }

    /** Each backend of {@code database} but this one, as application_name#n → "ssl TLSv1.3" or "plain". */
    private static Map<String, String> connectionsTo(String database) throws Exception {
        Map<String, String> found = new TreeMap<>();
        try (Connection admin = plainConnection(); PreparedStatement query = admin.prepareStatement("""
                select a.application_name, s.ssl, s.version from pg_stat_activity a join pg_stat_ssl s using (pid)
                 where a.datname = ? and a.pid <> pg_backend_pid() order by 1""")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                List<String> names = new ArrayList<>();
                while (rows.next()) {
                    String name = rows.getString(1);
                    long same = names.stream().filter(name::equals).count();
                    names.add(name);
                    found.put(name + "#" + same, rows.getBoolean(2) ? "ssl " + rows.getString(3) : "plain");
                }
            }
        }
        return found;
    }

    private static Connection plainConnection() throws Exception {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        props.setProperty("sslmode", "disable");
        return DriverManager.getConnection("jdbc:postgresql://" + server.host() + ":" + server.port() + "/postgres",
                props);
    }

    private static String sharedServerSsl() {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        try (Connection shared = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", props);
             ResultSet ssl = shared.createStatement().executeQuery("show ssl")) {
            ssl.next();
            return ssl.getString(1);
        } catch (Exception e) {
            return "unknown: " + e.getMessage();
        }
    }
}
