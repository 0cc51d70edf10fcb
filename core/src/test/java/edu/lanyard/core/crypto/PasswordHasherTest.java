package edu.lanyard.core.crypto;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(2_000);

    @Test
    void encodesAlgorithmIterationsSaltAndHash() {
        String encoded = hasher.hash("alice-pass");

        assertTrue(encoded.matches("pbkdf2-sha256\\$2000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), encoded);
        Pbkdf2Hash parsed = Pbkdf2Hash.parse(encoded);
        assertEquals(2_000, parsed.iterations());
        assertEquals(16, parsed.salt().length);
        assertEquals(32, parsed.hash().length);
        assertEquals(encoded, parsed.encode());
    }

    @Test
    void acceptsTheRightPasswordOnly() {
        String encoded = hasher.hash("alice-pass");

        assertTrue(hasher.matches(encoded, "alice-pass"));
        assertFalse(hasher.matches(encoded, "alice-pass "));
        assertFalse(hasher.matches(encoded, "Alice-pass"));
        assertFalse(hasher.matches(encoded, ""));
        assertFalse(hasher.matches(encoded, null));
        assertFalse(hasher.matches(null, "alice-pass"));
    }

    @Test
    void saltsEveryHash() {
        assertNotEquals(hasher.hash("same"), hasher.hash("same"));
    }

    @Test
    void handlesNonAsciiPasswords() {
        String encoded = hasher.hash("密码-пароль-ß");
        assertTrue(hasher.matches(encoded, "密码-пароль-ß"));
        assertFalse(hasher.matches(encoded, "密码-пароль-ss"));
    }

    @Test
    void verifiesWithTheIterationCountStoredInTheHash() {
        String oldHash = new PasswordHasher(1_000).hash("old");
        assertTrue(hasher.matches(oldHash, "old"));
        assertTrue(hasher.needsRehash(oldHash));
        assertFalse(hasher.needsRehash(hasher.hash("new")));
    }

    @Test
    void rejectsMalformedHashes() {
        for (String bad : new String[] {"", "plain", "pbkdf2-sha256$x$AAAA$AAAA", "pbkdf2-sha256$1000$!!$AAAA",
                "pbkdf2-sha256$0$AAAA$AAAA", "pbkdf2-sha256$99999999$AAAA$AAAA", "pbkdf2-sha256$1000$AAAA",
                "sha256$AAAA$AAAA", "pbkdf2-sha256$1000$$AAAA"}) {
            assertThrows(IllegalArgumentException.class, () -> hasher.matches(bad, "x"), bad);
            assertFalse(hasher.canVerify(bad), bad);
        }
        assertTrue(hasher.canVerify(hasher.hash("x")));
    }

    @Test
    void refusesTooFewIterationsAndEmptyPasswords() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(999));
        assertThrows(IllegalArgumentException.class, () -> hasher.hash(""));
    }

    @Test
    void verifiesOnAWorkerWhenCalledFromAnEventLoop(Vertx vertx) throws Exception {
        String encoded = hasher.hash("alice-pass");
        CompletableFuture<Boolean> right = new CompletableFuture<>();
        CompletableFuture<Boolean> wrong = new CompletableFuture<>();
        CompletableFuture<Boolean> dummy = new CompletableFuture<>();

        vertx.runOnContext(v -> {
            hasher.verify(vertx, encoded, "alice-pass").onComplete((ok, e) -> complete(right, ok, e));
            hasher.verify(vertx, encoded, "wrong").onComplete((ok, e) -> complete(wrong, ok, e));
            hasher.verifyAgainstDummy(vertx, "alice-pass").onComplete((ok, e) -> complete(dummy, ok, e));
        });

        assertTrue(right.get(10, TimeUnit.SECONDS));
        assertFalse(wrong.get(10, TimeUnit.SECONDS));
        assertFalse(dummy.get(10, TimeUnit.SECONDS));
    }

    private static void complete(CompletableFuture<Boolean> target, Boolean value, Throwable failure) {
        if (failure != null) {
            target.completeExceptionally(failure);
        } else {
            target.complete(value);
        }
    }
}
