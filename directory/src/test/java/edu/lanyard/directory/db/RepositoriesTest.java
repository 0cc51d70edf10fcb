package edu.lanyard.directory.db;

import edu.lanyard.core.domain.AccessTokenFormat;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.domain.GrantType;
import edu.lanyard.core.domain.RedirectUriMatch;
import edu.lanyard.core.domain.User;
import edu.lanyard.devkit.Await;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
class RepositoriesTest {
    private static TestDatabase db;
    private static Pool pool;

    @BeforeAll
    static void setUp(Vertx vertx) {
        db = TestDatabase.migrated();
        pool = PgPools.create(vertx, db.config());
    }

    @AfterAll
    static void tearDown() {
        Await.result(pool.close());
        db.close();
    }

    @Test
    void aClientComesBackAsItWasStored() {
        Client client = new Client("full", "Full Client", null, List.of("^https://[a-z]+\\.example\\.edu/.*$"),
                RedirectUriMatch.REGEX, Set.of(GrantType.AUTHORIZATION_CODE, GrantType.IMPLICIT),
                List.of("openid", "email"), 7200, 2_592_000, 30, AccessTokenFormat.JWT, true, true, "EdDSA",
                List.of("https://portal.example.edu/bye"), "cas",
                Map.of("errorFormat", "json", "profileView", Map.of("flat", true), "legacy", List.of("a", "b")));
        ClientRepository repository = new ClientRepository(pool);

        Await.result(repository.upsert(client));

        assertEquals(Optional.of(client), Await.result(repository.findById("full")));
        assertTrue(Await.result(repository.findAll()).contains(client));
        assertEquals(Optional.empty(), Await.result(repository.findById("absent")));
    }

    @Test
    void aResourceServerComesBackAsOne() {
        Client api = new Client("api", "Reports API", "sha256$c2FsdA$aGFzaA", List.of(), RedirectUriMatch.EXACT,
                Set.of(GrantType.CLIENT_CREDENTIALS), List.of(), 3600, 86400, 60, AccessTokenFormat.OPAQUE, true,
                false, "RS256", List.of(), "standard", Map.of(), true);
        ClientRepository repository = new ClientRepository(pool);
        Await.result(repository.upsert(api));
        assertEquals(Optional.of(api), Await.result(repository.findById("api")));
        assertTrue(Await.result(repository.findById("api")).orElseThrow().resourceServer());
    }

    @Test
    void upsertReplacesAClient() {
        ClientRepository repository = new ClientRepository(pool);
        Await.result(repository.upsert(TestClients.confidential("replace-me", "Before")));
        Await.result(repository.upsert(TestClients.confidential("replace-me", "After")));
        assertEquals("After", Await.result(repository.findById("replace-me")).orElseThrow().name());
    }

    @Test
    void aUserUpsertKeepsTheSubjectOfAnExistingUsername() {
        UserRepository repository = new UserRepository(pool);
        User first = User.local("subject-one", "bob", "hash-1", "Bob", "bob@example.edu", "138",
                Map.of("department", "Physics", "roles", List.of("student", "ta")), null);

        User stored = Await.result(repository.upsert(first));
        User again = Await.result(repository.upsert(User.local("subject-two", "bob", "hash-2", "Robert", null, null,
                Map.of(), null)));

        assertEquals("subject-one", stored.subject());
        assertNotNull(stored.createdAt());
        assertEquals(Map.of("department", "Physics", "roles", List.of("student", "ta")), stored.attributes());
        assertEquals("subject-one", again.subject());
        assertEquals("Robert", again.name());
        assertEquals("hash-2", Await.result(repository.findBySubject("subject-one")).orElseThrow().passwordHash());
        assertEquals(Optional.empty(), Await.result(repository.findBySubject("subject-two")));
        assertEquals("subject-one", Await.result(repository.findByUsername("bob")).orElseThrow().subject());
    }
}
