package edu.lanyard.core.user;

import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.core.crypto.PasswordHash;
import edu.lanyard.core.crypto.PasswordHasher;
import edu.lanyard.core.domain.User;
import edu.lanyard.core.event.LifecycleEvent;
import edu.lanyard.core.event.PasswordRehashed;
import edu.lanyard.core.ledger.Ledger;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Verification off the event loop, and the re-hash of a stale hash after a right password, fire and forget. */
class LocalPasswordsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);
    private static final PasswordHasher HASHER = new PasswordHasher(1_000);
    private static final String BCRYPT = OpenBSDBCrypt.generate("2y", "right".getBytes(StandardCharsets.UTF_8),
            "0123456789abcdef".getBytes(StandardCharsets.UTF_8), 4);
    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static User user(String hash) {
        return User.local("sub-1", "grace", hash, null, null, null, Map.of(), null);
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static void settle() throws InterruptedException {
        Thread.sleep(300);   // the re-hash is not waited for by the sign-in; give it time to show up, or not
    }

    @Test
    void aRightPasswordOnAStaleHashRecordsTheCurrentHash() throws Exception {
        List<LifecycleEvent> log = new CopyOnWriteArrayList<>();
        LocalPasswords passwords = new LocalPasswords(vertx, HASHER, new Ledger(LanyardConfig.Durability.MEMORY,
                event -> {
                    log.add(event);
                    return Future.succeededFuture();
                }, CLOCK));

        assertTrue(await(passwords.verify(user(BCRYPT), "right")));
        for (int i = 0; i < 100 && log.isEmpty(); i++) {
            Thread.sleep(50);
        }
        assertEquals(1, log.size());
        PasswordRehashed rehashed = (PasswordRehashed) log.get(0);
        assertEquals("sub-1", rehashed.subject());
        assertEquals("grace", rehashed.username());
        assertEquals(LocalPasswords.fingerprint(BCRYPT), rehashed.replacedHashSha256());
        assertTrue(PasswordHash.parse(rehashed.passwordHash()).isCurrent(HASHER.policy()));
        assertTrue(HASHER.matches(rehashed.passwordHash(), "right"));
        assertFalse(rehashed.toString().contains(rehashed.passwordHash()), "toString shows no hash");

        log.clear();
        assertFalse(await(passwords.verify(user(BCRYPT), "wrong")));
        assertTrue(await(passwords.verify(user(HASHER.hash("right")), "right")));
        assertFalse(await(passwords.verify(null, "right")));
        assertFalse(await(passwords.verify(user("not a hash"), "right")));
        settle();
        assertEquals(List.of(), log, "a wrong password or a current hash is never re-hashed");
    }

    @Test
    void aSignInDoesNotFailWhenTheReHashCannotBeRecorded() throws Exception {
        LocalPasswords throwing = new LocalPasswords(vertx, HASHER, new Ledger(LanyardConfig.Durability.KAFKA,
                event -> {
                    throw new IllegalStateException("broker gone");
                }, CLOCK));
        LocalPasswords failing = new LocalPasswords(vertx, HASHER, new Ledger(LanyardConfig.Durability.KAFKA,
                event -> Future.failedFuture("broker gone"), CLOCK));
        assertTrue(await(throwing.verify(user(BCRYPT), "right")));
        assertTrue(await(failing.verify(user(BCRYPT), "right")));
        settle();
    }
}
