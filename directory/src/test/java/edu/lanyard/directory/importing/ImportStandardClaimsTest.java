package edu.lanyard.directory.importing;

import edu.lanyard.core.crypto.ClientSecretHasher;
import edu.lanyard.core.crypto.PasswordHasher;
import edu.lanyard.core.domain.User;
import edu.lanyard.devkit.Await;
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

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Standard claims reach users.claims; login names already held by a stored user make an import fail. */
@ExtendWith(VertxExtension.class)
class ImportStandardClaimsTest {
    private static TestDatabase db;
    private static Pool pool;
    private static Importer importer;

    @BeforeAll
    static void setUp(Vertx vertx) {
        db = TestDatabase.migrated();
        pool = PgPools.create(vertx, db.config());
        importer = new Importer(vertx, pool, new PasswordHasher(1_000), new ClientSecretHasher(),
                ImportFiles.TOKEN_DEFAULTS);
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

    private static String user(String username, String extra) {
        return "  - username: " + username + "\n    password: pw\n" + extra.indent(4);
    }

    private static ImportFile users(String... entries) {
        return ImportFile.parse("users:\n" + String.join("", entries));
    }

    @Test
    void claimsAreStoredAndUpdatedAtMovesOnlyWhenTheUserChanges() throws Exception {
        Await.result(importer.apply(users(user("alice", """
                name: Alice Zhang
                given_name: Alice
                family_name: Zhang
                address: {locality: Hangzhou, country: CN}
                email_verified: true"""))));
        UserRepository repository = new UserRepository(pool);
        User alice = Await.result(repository.findByUsername("alice")).orElseThrow();
        assertEquals(Map.of("given_name", "Alice", "family_name", "Zhang", "email_verified", true,
                "address", Map.of("locality", "Hangzhou", "country", "CN")), alice.claims());

        db.execute("update users set updated_at = updated_at - interval '1 day'");
        var before = Await.result(repository.findByUsername("alice")).orElseThrow().updatedAt();
        Await.result(importer.apply(users(user("alice", """
                name: Alice Zhang
                given_name: Alice
                family_name: Zhang
                address: {locality: Hangzhou, country: CN}
                email_verified: true"""))));
        assertEquals(before, Await.result(repository.findByUsername("alice")).orElseThrow().updatedAt(),
                "the same file again changes nothing");
        Await.result(importer.apply(users(user("alice", "name: Alice Zhang\ngiven_name: Alicia"))));
        assertNotEquals(before, Await.result(repository.findByUsername("alice")).orElseThrow().updatedAt());
    }

    @Test
    void aLoginValueHeldByAStoredUserFailsTheImportNamingBoth() {
        Await.result(importer.apply(users(user("alice", "email: alice@example.edu\n"
                + "attributes: {employeeNumber: '2024001'}"))));
        Throwable refused = Await.failure(importer.apply(users(
                user("bob", "email: ALICE@example.edu"),
                user("carol", "attributes: {employeeNumber: '2024001'}"),
                user("dave", "email: alice"))));
        InvalidImportException e = assertInstanceOf(InvalidImportException.class, refused);
        assertEquals(3, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().contains("users[0] (bob): email 'alice@example.edu' is already the email of user"
                + " 'alice' in the database; a login name must mean one user"), e.problems().toString());
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("users[1] (carol): employeeNumber '2024001'"
                + " is already the employeeNumber of user 'alice'")), e.problems().toString());
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("users[2] (dave): email 'alice' is already"
                + " the username of user 'alice'")), e.problems().toString());
        assertEquals(List.of(), Await.result(new UserRepository(pool).findByUsernames(List.of("bob", "carol"))),
                "nothing was written");
    }

    @Test
    void reImportingAUserWithItsOwnValuesOrMovingThemBetweenFileUsersIsFine() {
        Await.result(importer.apply(users(user("alice", "email: alice@example.edu"))));
        Await.result(importer.apply(users(user("alice", "email: alice@example.edu"))));
        Await.result(importer.apply(users(user("alice", "email: alice@new.example.edu"),
                user("bob", "email: alice@example.edu"))));
        assertEquals("alice@example.edu",
                Await.result(new UserRepository(pool).findByUsername("bob")).orElseThrow().email());
    }
}
