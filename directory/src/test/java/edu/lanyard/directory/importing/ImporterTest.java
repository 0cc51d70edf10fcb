package edu.lanyard.directory.importing;

import edu.lanyard.core.crypto.ClientSecretHasher;
import edu.lanyard.core.crypto.PasswordHasher;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.domain.GrantType;
import edu.lanyard.core.domain.User;
import edu.lanyard.devkit.Await;
import edu.lanyard.directory.db.ClientRepository;
import edu.lanyard.directory.db.PgPools;
import edu.lanyard.directory.db.TestDatabase;
import edu.lanyard.directory.db.UserRepository;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
class ImporterTest {
    private static final PasswordHasher PASSWORDS = new PasswordHasher(1_000);
    private static final ClientSecretHasher SECRETS = new ClientSecretHasher();

    private static TestDatabase db;
    private static Pool pool;
    private static Importer importer;

    @BeforeAll
    static void setUp(Vertx vertx) {
        db = TestDatabase.migrated();
        pool = PgPools.create(vertx, db.config());
        importer = new Importer(vertx, pool, PASSWORDS, SECRETS, ImportFiles.TOKEN_DEFAULTS);
    }

    @AfterAll
    static void tearDown() {
        Await.result(pool.close());
        db.close();
    }

    @AfterEach
    void emptyTables() throws SQLException {
        db.execute("truncate clients, users");
    }

    @Test
    void importsClientsAndUsersFromAFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("seed.yaml"), ImportFiles.sampleYaml());

        assertEquals(new ImportResult(4, 2), Await.result(importer.importFile(file)));

        ClientRepository clients = new ClientRepository(pool);
        Client portal = Await.result(clients.findById("portal")).orElseThrow();
        assertEquals("Campus Portal", portal.name());
        assertTrue(SECRETS.matches(portal.secretHash(), "portal-secret"));
        assertFalse(SECRETS.matches(portal.secretHash(), "wrong"));
        assertEquals(Set.of(GrantType.values()), portal.grantTypes());
        assertEquals(List.of("http://127.0.0.1:9999/cb"), portal.redirectUris());
        assertEquals(List.of("openid", "profile", "email"), portal.scopes());
        assertEquals(3600, portal.accessTokenTtl());
        assertTrue(portal.rotateRefreshTokens());

        Client spa = Await.result(clients.findById("spa")).orElseThrow();
        assertTrue(spa.isPublic());
        assertNull(spa.secretHash());
        assertFalse(Await.result(clients.findById("maxkey-app")).orElseThrow().rotateRefreshTokens());
        assertEquals(Map.of("profileFields", List.of("username", "department"), "remindIn", true),
                Await.result(clients.findById("maxkey-app")).orElseThrow().options());

        UserRepository users = new UserRepository(pool);
        User alice = Await.result(users.findByUsername("alice")).orElseThrow();
        assertEquals("MmIk9l9lXiFXv9JWKoML", alice.subject());
        assertEquals("Alice Zhang", alice.name());
        assertEquals("13800000000", alice.phone());
        assertEquals(Map.of("department", "Physics", "title", "Student", "role", "学生", "employeeNumber", "2024001"),
                alice.attributes());
        assertTrue(PASSWORDS.matches(alice.passwordHash(), "alice-pass"));
        assertFalse(PASSWORDS.matches(alice.passwordHash(), "bob-pass"));

        User bob = Await.result(users.findByUsername("bob")).orElseThrow();
        assertTrue(bob.subject().matches("[A-Za-z0-9]{20}"), bob.subject());
        assertEquals(Map.of("systemCodes", List.of("lib", "mail")), bob.attributes());
    }

    @Test
    void disabledAtImportIsStoredAndAnImportWithoutTheKeyEnables() {
        Await.result(importer.apply(ImportFile.parse(
                "clients:\n  - {client_id: feed, client_secret: s, grant_types: [client_credentials], disabled: true}\n")));
        ClientRepository clients = new ClientRepository(pool);
        assertTrue(Await.result(clients.findById("feed")).orElseThrow().disabled());
        Await.result(importer.apply(ImportFile.parse(
                "clients:\n  - {client_id: feed, client_secret: s, grant_types: [client_credentials]}\n")));
        assertFalse(Await.result(clients.findById("feed")).orElseThrow().disabled(), "the file is the truth");
    }

    @Test
    void importingTwiceChangesNothingButUpdatedAt() throws SQLException {
        ImportFile file = ImportFile.parse(ImportFiles.sampleYaml());
        Await.result(importer.apply(file));
        List<String> clientsBefore = rows("clients", "client_id");
        List<String> usersBefore = rows("users", "username");
        List<String> stampsBefore = updatedAt();

        ImportResult second = Await.result(importer.apply(file));

        assertEquals(new ImportResult(4, 2, 0, 0), second);
        assertEquals("imported 4 clients (0 created, 4 updated) and 2 users (0 created, 2 updated)",
                second.summary());
        assertEquals(clientsBefore, rows("clients", "client_id"));
        assertEquals(usersBefore, rows("users", "username"));
        assertNotEquals(stampsBefore, updatedAt(), "the second import did write");
    }

    @Test
    void aChangedPasswordOrSecretIsRehashedAndTheSubjectKept() {
        Await.result(importer.apply(ImportFile.parse(ImportFiles.sampleYaml())));
        User before = Await.result(new UserRepository(pool).findByUsername("bob")).orElseThrow();

        Await.result(importer.apply(ImportFile.parse("""
                clients:
                  - client_id: portal
                    client_secret: rotated-secret
                    redirect_uris: ["http://127.0.0.1:9999/cb"]
                users:
                  - username: bob
                    password: new-bob-pass
                    subject: some-other-subject
                """)));

        User after = Await.result(new UserRepository(pool).findByUsername("bob")).orElseThrow();
        assertEquals(before.subject(), after.subject());
        assertTrue(PASSWORDS.matches(after.passwordHash(), "new-bob-pass"));
        assertFalse(PASSWORDS.matches(after.passwordHash(), "bob-pass"));
        Client portal = Await.result(new ClientRepository(pool).findById("portal")).orElseThrow();
        assertTrue(SECRETS.matches(portal.secretHash(), "rotated-secret"));
        assertFalse(SECRETS.matches(portal.secretHash(), "portal-secret"));
    }

    @Test
    void anInvalidFileWritesNothing() throws SQLException {
        Throwable failure = Await.failure(importer.apply(ImportFile.parse("""
                clients:
                  - client_id: fine
                    client_secret: s
                    grant_types: [client_credentials]
                  - client_id: broken
                    grant_types: [client_credentials]
                """)));

        assertInstanceOf(InvalidImportException.class, failure);
        assertTrue(failure.getMessage().contains("clients[1] (broken)"), failure.getMessage());
        assertEquals(List.of(), rows("clients", "client_id"));
    }

    @Test
    void aFailingUpsertRollsBackTheWholeImport() throws SQLException {
        db.execute("insert into users (subject, username, password_hash) values ('taken', 'existing', 'x')");

        Throwable failure = Await.failure(importer.apply(ImportFile.parse("""
                clients:
                  - client_id: would-be-written
                    client_secret: s
                    grant_types: [client_credentials]
                users:
                  - username: newcomer
                    password: p
                    subject: taken
                """)));

        assertTrue(failure.getMessage().contains("users_pkey"), failure.getMessage());
        assertEquals(List.of(), rows("clients", "client_id"));
        assertEquals(1, rows("users", "username").size());
    }

    /** Every column but updated_at, one string per row. */
    private static List<String> rows(String table, String key) throws SQLException {
        try (Connection c = db.jdbc(); var rs = c.createStatement().executeQuery(
                "select (to_jsonb(t) - 'updated_at')::text from " + table + " t order by " + key)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    private static List<String> updatedAt() throws SQLException {
        List<String> stamps = new ArrayList<>();
        for (String table : List.of("clients", "users")) {
            try (Connection c = db.jdbc(); var rs = c.createStatement().executeQuery(
                    "select updated_at::text from " + table + " order by 1")) {
                while (rs.next()) {
                    stamps.add(rs.getString(1));
                }
            }
        }
        return stamps;
    }
}
