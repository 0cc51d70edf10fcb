package edu.lanyard.core.crypto;

import edu.lanyard.core.config.LanyardConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * User passwords: PBKDF2-HMAC-SHA256, encoded {@code pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>}. Deliberately
 * slow, so the {@link Vertx} variants run it on a worker thread; the plain methods block and are for workers only.
 */
public final class PasswordHasher {
    public static final int MIN_ITERATIONS = 1_000;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    public PasswordHasher(int iterations) {
        if (iterations < MIN_ITERATIONS || iterations > Pbkdf2Hash.MAX_ITERATIONS) {
            throw new IllegalArgumentException("PBKDF2 iterations must be between " + MIN_ITERATIONS + " and "
                    + Pbkdf2Hash.MAX_ITERATIONS + ", not " + iterations);
        }
        this.iterations = iterations;
    }

    public static PasswordHasher fromConfig(LanyardConfig.Login login) {
        return new PasswordHasher(login.pbkdf2Iterations());
    }

    public int iterations() {
        return iterations;
    }

    /** Blocking. */
    public String hash(String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("password must not be empty");
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new Pbkdf2Hash(iterations, salt, derive(password, salt, iterations, HASH_BYTES)).encode();
    }

    /**
     * Blocking. True if {@code password} produces {@code encoded}. An absent hash costs the same as a wrong password;
     * a hash that is not in this format is a data error and throws {@link IllegalArgumentException}.
     */
    public boolean matches(String encoded, String password) {
        if (encoded == null) {
            burnDummy();
            return false;
        }
        Pbkdf2Hash stored = Pbkdf2Hash.parse(encoded);
        if (password == null || password.isEmpty()) {
            burnDummy();
            return false;
        }
        byte[] candidate = derive(password, stored.salt(), stored.iterations(), stored.hash().length);
        return MessageDigest.isEqual(candidate, stored.hash());
    }

    /** True if {@code encoded} is a hash this class can verify (e.g. not a future Argon2 one). */
    public boolean canVerify(String encoded) {
        if (!Pbkdf2Hash.looksLike(encoded)) {
            return false;
        }
        try {
            Pbkdf2Hash.parse(encoded);
            return true;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** True if the hash was made with fewer iterations than configured now, so it should be replaced at next login. */
    public boolean needsRehash(String encoded) {
        return Pbkdf2Hash.parse(encoded).iterations() < iterations;
    }

    public Future<String> hash(Vertx vertx, String password) {
        return vertx.executeBlocking(() -> hash(password), false);
    }

    /** Checks on a worker thread; never runs PBKDF2 on the caller's (event-loop) thread. */
    public Future<Boolean> verify(Vertx vertx, String encoded, String password) {
        return vertx.executeBlocking(() -> matches(encoded, password), false);
    }

    /**
     * For a username that does not exist: does the work of one real verification and answers false, so response time
     * does not tell an attacker which usernames exist.
     */
    public Future<Boolean> verifyAgainstDummy(Vertx vertx, String password) {
        return vertx.executeBlocking(() -> {
            burnDummy();
            return false;
        }, false);
    }

    private void burnDummy() {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        derive("lanyard-dummy-password", salt, iterations, HASH_BYTES);
    }

    private static byte[] derive(String password, byte[] salt, int iterations, int length) {
        char[] chars = password.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, length * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }
}
