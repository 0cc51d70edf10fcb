package edu.lanyard.directory.db;

import edu.lanyard.core.domain.User;
import edu.lanyard.devkit.Await;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
class UserDirectoryTest {
    private static TestDatabase db;
    private static Vertx vertx;
    private static Pool pool;
    private static Pool otherPool;
    private UserDirectory directory;

    @BeforeAll
    static void setUp(Vertx sharedVertx) {
        vertx = sharedVertx;
        db = TestDatabase.migrated();
        pool = PgPools.create(vertx, db.config());
        otherPool = PgPools.create(vertx, db.config());
    }

    @AfterAll
    static void tearDown() {
        Await.result(pool.close());
        Await.result(otherPool.close());
        db.close();
    }

    @AfterEach
    void closeDirectory() {
        if (directory != null) {
            Await.result(directory.close());
            Await.until("the closed listener's session is gone", () -> listenerSessions() == 0);
        }
    }

    private static int listenerSessions() {
        try {
            return db.sessions("lanyard-users-listener");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private UserDirectory start(UserDirectory.Settings settings) {
        directory = Await.result(UserDirectory.start(vertx, pool, db.config(), settings));
        return directory;
    }

    private static UserDirectory.Settings longLived() {
        return new UserDirectory.Settings(1_000, Duration.ofHours(1), Duration.ofHours(1));
    }

    private static void insertUser(String subject, String username, String name) {
        Await.result(new UserRepository(otherPool).upsert(
                User.local(subject, username, "hash", name, null, null, Map.of(), null)));
    }

    @Test
    void findsByUsernameAndBySubjectAndCachesBoth() throws SQLException {
        insertUser("sub-alice", "alice", "Alice");
        UserDirectory users = start(longLived());

        assertEquals("sub-alice", Await.result(users.byUsername("alice")).orElseThrow().subject());
        // changed behind the cache's back (no notification): the cached record must still be served
        db.executeSilently("update users set name = 'Changed' where subject = 'sub-alice'");
        assertEquals("Alice", Await.result(users.byUsername("alice")).orElseThrow().name());
        assertEquals("Alice", Await.result(users.bySubject("sub-alice")).orElseThrow().name(),
                "loading by username fills the subject index too");
    }

    @Test
    void aNotifiedChangeInvalidatesBothIndexes() {
        insertUser("sub-bob", "bob", "Bob");
        UserDirectory users = start(longLived());
        assertEquals("Bob", Await.result(users.byUsername("bob")).orElseThrow().name());

        insertUser("ignored", "bob", "Robert");

        Await.until("the username index serves the new name",
                () -> Await.result(users.byUsername("bob")).map(u -> u.name().equals("Robert")).orElse(false));
        assertEquals("Robert", Await.result(users.bySubject("sub-bob")).orElseThrow().name());
    }

    @Test
    void aCachedMissIsDroppedWhenAnyUserIsAdded() {
        UserDirectory users = start(longLived());
        assertEquals(Optional.empty(), Await.result(users.byUsername("carol")));

        insertUser("sub-carol", "carol", "Carol");

        Await.until("the new user is found despite the cached miss",
                () -> Await.result(users.byUsername("carol")).isPresent());
    }

    @Test
    void aCachedMissExpires() throws SQLException {
        // Long enough that a busy machine still makes the second lookup within it, short enough to wait out.
        UserDirectory users = start(new UserDirectory.Settings(1_000, Duration.ofHours(1), Duration.ofSeconds(3)));
        assertEquals(Optional.empty(), Await.result(users.byUsername("dave")));
        db.executeSilently("insert into users (subject, username, password_hash) values ('sub-dave', 'dave', 'h')");
        assertEquals(Optional.empty(), Await.result(users.byUsername("dave")), "the miss is cached for a while");

        Await.until("the cached miss expired", Duration.ofSeconds(15),
                () -> Await.result(users.byUsername("dave")).isPresent());
    }

    @Test
    void staysWithinItsBound() {
        for (int i = 0; i < 20; i++) {
            insertUser("sub-bound-" + i, "bound-" + i, "B" + i);
        }
        UserDirectory users = start(new UserDirectory.Settings(5, Duration.ofHours(1), Duration.ofHours(1)));
        for (int i = 0; i < 20; i++) {
            assertTrue(Await.result(users.byUsername("bound-" + i)).isPresent());
        }
        assertTrue(users.cachedEntries() <= 10, "5 per index, got " + users.cachedEntries());
    }

    @Test
    void forgetsEverythingWhenItsListenerReconnects() throws SQLException {
        insertUser("sub-erin", "erin", "Erin");
        UserDirectory users = start(longLived());
        assertEquals("Erin", Await.result(users.byUsername("erin")).orElseThrow().name());
        db.executeSilently("update users set name = 'Erin B' where subject = 'sub-erin'");
        int subscriptions = users.listener().subscriptions();

        assertEquals(1, db.terminateSessions("lanyard-users-listener"));

        Await.until("the listener re-subscribed", Duration.ofSeconds(15),
                () -> users.listener().subscriptions() > subscriptions);
        assertEquals("Erin B", Await.result(users.byUsername("erin")).orElseThrow().name());
    }
}
