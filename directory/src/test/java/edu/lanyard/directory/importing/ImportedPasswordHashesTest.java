package edu.lanyard.directory.importing;

import edu.lanyard.core.crypto.ClientSecretHasher;
import edu.lanyard.core.crypto.PasswordHash;
import edu.lanyard.core.crypto.PasswordHasher;
import edu.lanyard.core.domain.User;
import edu.lanyard.devkit.Await;
import edu.lanyard.devkit.LegacyHashes;
import edu.lanyard.directory.db.PgPools;
import edu.lanyard.directory.db.TestDatabase;
import edu.lanyard.directory.db.UserRepository;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every accepted password_hash format, imported through the real importer into Postgres and verified. */
@ExtendWith(VertxExtension.class)
class ImportedPasswordHashesTest {
    private static final PasswordHasher PASSWORDS = new PasswordHasher(1_000);
    private static final String PASSWORD = "Campus-Pässword 1";

    private static TestDatabase db;
    private static Pool pool;
    private static Importer importer;

    @BeforeAll
    static void setUp(Vertx vertx) {
        db = TestDatabase.migrated();
        pool = PgPools.create(vertx, db.config());
        importer = new Importer(vertx, pool, PASSWORDS, new ClientSecretHasher(), ImportFiles.TOKEN_DEFAULTS);
    }

    @AfterAll
    static void tearDown() {
        Await.result(pool.close());
        db.close();
    }

    @Test
    void everyFormatIsImportedAsGivenAndVerifiesTheRightPasswordOnly() {
        Map<String, String> hashes = LegacyHashes.of(PASSWORD);
        StringBuilder yaml = new StringBuilder("users:\n");
        hashes.forEach((format, hash) -> yaml.append("  - username: ").append(format)
                .append("\n    password_hash: '").append(hash).append("'\n"));

        assertEquals(new ImportResult(0, hashes.size()), Await.result(importer.apply(ImportFile.parse(yaml.toString()))));

        UserRepository users = new UserRepository(pool);
        hashes.forEach((format, hash) -> {
            User user = Await.result(users.findByUsername(format)).orElseThrow();
            assertEquals(hash, user.passwordHash(), format);
            assertTrue(PASSWORDS.matches(user.passwordHash(), PASSWORD), format);
            assertFalse(PASSWORDS.matches(user.passwordHash(), "campus-Pässword 1"), format);
            assertFalse(PASSWORDS.matches(user.passwordHash(), ""), format);
            // Lanyard's own format at the configured cost stays; every other one is replaced at the next sign-in
            assertEquals(!format.equals("pbkdf2-lanyard"), PASSWORDS.needsRehash(user.passwordHash()), format);
        });
        assertEquals(25, hashes.size(), "one vector per accepted spelling");
    }

    @Test
    void importErrorsAreOneLineEachAndNeverQuoteTheHash() {
        String bcrypt = LegacyHashes.bcrypt("2y", PASSWORD, 4);
        String malformed = bcrypt.substring(0, 40);
        InvalidImportException e = assertThrows(InvalidImportException.class, () -> Await.result(importer.apply(
                ImportFile.parse("""
                        users:
                          - username: unknown
                            password_hash: 'crypt:XyZ123secret'
                          - username: both
                            password: p
                            password_hash: '%s'
                          - username: cut
                            password_hash: '%s'
                          - username: neither
                        """.formatted(bcrypt, malformed)))));
        List<String> problems = e.problems();
        assertEquals(4, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).startsWith("users[0] (unknown): password_hash: not a supported password hash;"
                + " accepted formats: bcrypt"), problems.get(0));
        assertEquals("users[1] (both): give password or password_hash, not both", problems.get(1));
        assertTrue(problems.get(2).startsWith("users[2] (cut): password_hash: malformed bcrypt hash"), problems.get(2));
        assertTrue(problems.get(3).startsWith("users[3] (neither): password is required"), problems.get(3));
        for (String problem : problems) {
            assertFalse(problem.contains("\n"), problem);
            assertFalse(problem.contains("XyZ123") || problem.contains(bcrypt.substring(7, 29)), problem);
        }
        assertFalse(e.getMessage().contains(bcrypt.substring(7, 29)));
    }

    @Test
    void anImportedHashReplacesAnyStoredOneAndASameImportKeepsIt() {
        String bcrypt = LegacyHashes.bcrypt("2b", PASSWORD, 4);
        Await.result(importer.apply(ImportFile.parse("users:\n  - username: frank\n    password: old-pass\n")));
        Await.result(importer.apply(ImportFile.parse("users:\n  - username: frank\n    password_hash: '"
                + bcrypt + "'\n")));
        User frank = Await.result(new UserRepository(pool).findByUsername("frank")).orElseThrow();
        assertEquals(bcrypt, frank.passwordHash());
        assertInstanceOf(PasswordHash.class, PasswordHash.parse(frank.passwordHash()));
        // a plaintext password that matches the imported hash keeps it: no needless change
        Await.result(importer.apply(ImportFile.parse("users:\n  - username: frank\n    password: '" + PASSWORD
                + "'\n")));
        assertEquals(bcrypt, Await.result(new UserRepository(pool).findByUsername("frank")).orElseThrow()
                .passwordHash());
    }
}
