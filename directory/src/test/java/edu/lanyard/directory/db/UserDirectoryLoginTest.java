package edu.lanyard.directory.db;

import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.core.domain.User;
import edu.lanyard.devkit.Await;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signing in by username, email or employee number finds one account, through the V4_1 indexes. */
@ExtendWith(VertxExtension.class)
class UserDirectoryLoginTest {
    private static final List<String> DEFAULT = LanyardConfig.Login.DEFAULT_ATTRIBUTES;
    private static TestDatabase db;
    private static Pool pool;
    private static UserDirectory directory;

    @BeforeAll
    static void setUp(Vertx vertx) {
        db = TestDatabase.migrated();
        pool = PgPools.create(vertx, db.config());
        UserRepository users = new UserRepository(pool);
        Await.result(users.upsert(User.local("sub-alice", "alice", "hash", "Alice", "Alice.Zhang@Example.edu",
                "13800000000", Map.of("employeeNumber", "2024001", "studentId", "S-1"), null)));
        Await.result(users.upsert(User.local("sub-bob", "Bob", "hash", "Bob", "bob@example.edu", null,
                Map.of("employeeNumber", "2024002"), null)));
        directory = Await.result(UserDirectory.start(vertx, pool, db.config(),
                new UserDirectory.Settings(1_000, Duration.ofHours(1), Duration.ofSeconds(1))));
    }

    @AfterAll
    static void tearDown() {
        Await.result(directory.close());
        Await.result(pool.close());
        db.close();
    }

    private static Optional<String> subjectOf(String login, List<String> attributes) {
        return Await.result(directory.byLogin(login, attributes)).map(User::subject);
    }

    @Test
    void usernameEmailAndEmployeeNumberFindTheSameAccount() {
        for (String login : List.of("alice", "ALICE", "alice.zhang@example.edu", "Alice.Zhang@Example.EDU", "2024001")) {
            assertEquals(Optional.of("sub-alice"), subjectOf(login, DEFAULT), login);
        }
        assertEquals(Optional.of("sub-bob"), subjectOf("bob", DEFAULT));
        assertEquals(Optional.empty(), subjectOf("2024003", DEFAULT));
        assertEquals(Optional.empty(), subjectOf("", DEFAULT));
    }

    @Test
    void onlyConfiguredAttributesCountButTheUsernameAlways() {
        List<String> phoneAndStudentId = List.of("phone", "studentId");
        assertEquals(Optional.of("sub-alice"), subjectOf("13800000000", phoneAndStudentId));
        assertEquals(Optional.of("sub-alice"), subjectOf("S-1", phoneAndStudentId));
        assertEquals(Optional.of("sub-alice"), subjectOf("alice", phoneAndStudentId));
        assertEquals(Optional.empty(), subjectOf("2024001", phoneAndStudentId));
        assertEquals(Optional.empty(), subjectOf("alice.zhang@example.edu", phoneAndStudentId));
    }

    @Test
    void aValueNoAttributeNameCanInjectIsJustAValue() {
        assertEquals(Optional.empty(), subjectOf("' or '1'='1", DEFAULT));
    }

    @Test
    void theEmailAndEmployeeNumberLookupsUseTheirIndexes() throws SQLException {
        try (Connection c = db.jdbc()) {
            c.createStatement().execute("set enable_seqscan = off");
            for (String where : List.of("lower(email) = lower('x')", "(attributes ->> 'employeeNumber') = 'x'",
                    "lower(username) = lower('x')")) {
                try (ResultSet plan = c.createStatement().executeQuery("explain select * from users where " + where)) {
                    StringBuilder text = new StringBuilder();
                    while (plan.next()) {
                        text.append(plan.getString(1)).append('\n');
                    }
                    assertTrue(text.toString().contains("users_login_"), where + ":\n" + text);
                }
            }
        }
    }
}
