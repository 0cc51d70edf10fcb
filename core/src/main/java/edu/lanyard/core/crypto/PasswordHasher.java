package edu.lanyard.core.crypto;

import edu.lanyard.core.config.LanyardConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.security.SecureRandom;

/**
 * User passwords: PBKDF2-HMAC-SHA256, encoded {@code pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>}. Deliberately
 * slow, so the {@link Vertx} variants run it on a worker thread; the plain methods block and are for workers only.
 */
public final class PasswordHasher {
    public static final int MIN_ITERATIONS = 1_000;
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
     * Blocking. True if {@code password} produces {@code encoded}, which may be any {@link PasswordHash} format (an
     * imported bcrypt or LDAP hash as well as Lanyard's own). An absent hash costs the same as a wrong password; a
     * hash in no supported format is a data error and throws {@link UnsupportedPasswordHashException}.
     */
    public boolean matches(String encoded, String password) {
        if (encoded == null) {
            burnDummy();
            return false;
        }
        PasswordHash stored = PasswordHash.parse(encoded);
        if (password == null || password.isEmpty()) {
            burnDummy();
            return false;
        }
        return stored.verify(password);
    }

    /** True if {@code encoded} is a hash in a format this class can verify. */
    public boolean canVerify(String encoded) {
        if (encoded == null) {
            return false;
        }
        try {
            PasswordHash.parse(encoded);
            return true;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** True if the hash is not the one this hasher makes now (another format, or fewer iterations). */
    public boolean needsRehash(String encoded) {
        return !PasswordHash.parse(encoded).isCurrent(policy());
    }

    /** What a current hash is, for {@link PasswordHash#isCurrent}. */
    public HashPolicy policy() {
        return new HashPolicy(iterations);
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

    /** Blocking: the work of one verification, for a user who does not exist or has no usable hash. */
    public void burnDummy() {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        derive("lanyard-dummy-password", salt, iterations, HASH_BYTES);
    }

    private static byte[] derive(String password, byte[] salt, int iterations, int length) {
        return Pbkdf2.derive(Pbkdf2Hash.Prf.SHA256, password, salt, iterations, length);
    }
}
