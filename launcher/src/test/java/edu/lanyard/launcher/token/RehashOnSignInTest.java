package edu.lanyard.launcher.token;

import edu.lanyard.devkit.LegacyHashes;
import edu.lanyard.directory.db.PostgresConnections;
import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import edu.lanyard.launcher.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A campus's imported bcrypt hash is replaced by Lanyard's PBKDF2 at the first sign-in, end to end: the password
 * grant succeeds on the bcrypt hash, a PasswordRehashed event goes through Kafka to the projector, which stores the
 * new hash in users; the old password still works and a wrong one still fails. Neither the password nor either hash
 * ever reaches the server's log or the audit line.
 */
class RehashOnSignInTest {
    private static final String CLIENT_SECRET = "rehash-secret-0123456789abcdef";
    private static final String PASSWORD = "Grace-Hopper-1906";

    @Test
    void anImportedBcryptHashBecomesPbkdf2AtTheFirstSignIn(@TempDir Path dir) throws Exception {
        String bcrypt = LegacyHashes.bcrypt("2y", PASSWORD, 10);
        String ssha = LegacyHashes.of(PASSWORD).get("ldap-ssha");
        Path file = Files.writeString(dir.resolve("campus.yaml"), """
                clients:
                  - client_id: rehash-app
                    client_secret: %s
                    grant_types: [password]
                    scopes: [openid, profile]
                users:
                  - username: grace
                    subject: sub-grace
                    password_hash: '%s'
                  - username: ada
                    subject: sub-ada
                    password_hash: '%s'
                """.formatted(CLIENT_SECRET, bcrypt, ssha));
        List<String> newHashes = new ArrayList<>();
        String log;
        try (LogCapture capture = LogCapture.start()) {
            LanyardTestServer server = LanyardTestServer.builder().importing(file).start();
            try {
                assertEquals(bcrypt, passwordHash(server, "grace"));

                assertEquals(200, grant(server, "grace", PASSWORD).status());
                String rehashed = awaitRehash(server, "grace", bcrypt);
                newHashes.add(rehashed);
                assertTrue(rehashed.startsWith("pbkdf2-sha256$1000$"), "a current hash, not " + rehashed.substring(0,
                        Math.min(14, rehashed.length())));

                assertEquals(200, grant(server, "grace", PASSWORD).status(), "the old password still works");
                assertEquals(400, grant(server, "grace", "Grace-Hopper-1907").status(), "a wrong one still fails");
                assertEquals(rehashed, passwordHash(server, "grace"), "a current hash is not re-hashed again");

                // a wrong password never re-hashes; the right one does, for an LDAP digest too
                assertEquals(400, grant(server, "ada", "not-adas").status());
                assertEquals(ssha, passwordHash(server, "ada"));
                assertEquals(200, grant(server, "ada", PASSWORD).status());
                newHashes.add(awaitRehash(server, "ada", ssha));

                List<String> audit = column(server, "select concat_ws(' ', username, action, result, detail::text)"
                        + " from projection.audit_log where event_type = 'PasswordRehashed' order by at");
                assertEquals(List.of("grace password_rehashed success {\"reason\": \"stored hash was not current\"}",
                        "ada password_rehashed success {\"reason\": \"stored hash was not current\"}"), audit);
            } finally {
                server.close();
            }
            log = capture.text();
        }
        assertTrue(log.contains("lanyard-projector - Shutdown completed"), "the capture ended before the server");
        List<String> secrets = new ArrayList<>(List.of(PASSWORD, bcrypt, bcrypt.substring(29), ssha.substring(6),
                CLIENT_SECRET));
        newHashes.forEach(hash -> secrets.add(hash.substring(hash.lastIndexOf('$') + 1)));
        for (String secret : secrets) {
            assertFalse(log.contains(secret), "a password or hash in the server log");
        }
    }

    private static Http.Reply grant(LanyardTestServer server, String username, String password) {
        return Http.postForm(server.baseUrl() + "/oauth2/token", Http.basic("rehash-app", CLIENT_SECRET),
                Http.form(Http.fields("grant_type", "password", "username", username, "password", password,
                        "scope", "openid")));
    }

    /** The projector applies the event asynchronously; polls, with a generous bound for a loaded machine. */
    private static String awaitRehash(LanyardTestServer server, String username, String old) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            String now = passwordHash(server, username);
            if (!old.equals(now)) {
                return now;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(username + "'s password hash was not replaced within 60 s");
    }

    private static String passwordHash(LanyardTestServer server, String username) throws SQLException {
        return column(server, "select password_hash from users where username = '" + username + "'").get(0);
    }

    private static List<String> column(LanyardTestServer server, String sql) throws SQLException {
        var pg = server.config().postgres();
        Properties props = new Properties();
        props.setProperty("user", pg.user());
        if (!pg.password().isEmpty()) {
            props.setProperty("password", pg.password());
        }
        try (Connection connection = DriverManager.getConnection(PostgresConnections.jdbcUrl(pg), props);
             var statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
