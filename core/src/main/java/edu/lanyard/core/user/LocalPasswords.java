package edu.lanyard.core.user;

import edu.lanyard.core.crypto.PasswordHash;
import edu.lanyard.core.crypto.PasswordHasher;
import edu.lanyard.core.domain.User;
import edu.lanyard.core.event.PasswordRehashed;
import edu.lanyard.core.ledger.Ledger;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks passwords of Lanyard's own users against their stored hash, whatever its format ({@link PasswordHash}),
 * always on a worker thread. A user who does not exist, or whose hash cannot be read, costs one dummy verification,
 * so response time does not tell which names exist.
 *
 * <p>When the password is right and the stored hash is not the current one (an imported bcrypt or LDAP digest,
 * fewer PBKDF2 iterations than configured), the current hash is made on a worker after the answer and recorded as a
 * {@link PasswordRehashed} event. It goes through {@link Ledger#note}: the sign-in has already been decided and
 * nothing the client receives depends on the new hash, so waiting for the event log would only make the sign-in
 * slower or let it fail. If the event is lost, the old hash still verifies and the next sign-in tries again.
 */
public final class LocalPasswords implements PasswordCheck {
    private static final Logger LOG = LoggerFactory.getLogger(LocalPasswords.class);

    private final Vertx vertx;
    private final PasswordHasher hasher;
    private final Ledger ledger;
    /** Subjects being re-hashed now: a burst of sign-ins by one user before the cache refreshes makes one event. */
    private final Set<String> rehashing = ConcurrentHashMap.newKeySet();

    public LocalPasswords(Vertx vertx, PasswordHasher hasher, Ledger ledger) {
        this.vertx = vertx;
        this.hasher = hasher;
        this.ledger = ledger;
    }

    private enum Check { WRONG, RIGHT, RIGHT_BUT_STALE }

    @Override
    public Future<Boolean> verify(User userOrNull, String password) {
        if (userOrNull == null || userOrNull.passwordHash() == null) {
            return vertx.executeBlocking(() -> {
                hasher.burnDummy();
                return false;
            }, false);
        }
        User user = userOrNull;
        String stored = user.passwordHash();
        return vertx.executeBlocking(() -> check(user, stored, password), false).map(check -> {
            if (check == Check.RIGHT_BUT_STALE) {
                rehash(user, stored, password);
            }
            return check != Check.WRONG;
        });
    }

    /** Blocking. */
    private Check check(User user, String stored, String password) {
        PasswordHash hash;
        try {
            hash = PasswordHash.parse(stored);
        } catch (IllegalArgumentException unreadable) {
            // the message names the family and the problem, never the hash
            LOG.warn("password hash of user {} cannot be verified ({}); sign-in refused", user.subject(),
                    unreadable.getMessage());
            hasher.burnDummy();
            return Check.WRONG;
        }
        if (password == null || password.isEmpty()) {
            hasher.burnDummy();
            return Check.WRONG;
        }
        if (!hash.verify(password)) {
            return Check.WRONG;
        }
        return hash.isCurrent(hasher.policy()) ? Check.RIGHT : Check.RIGHT_BUT_STALE;
    }

    /** Fire and forget: the sign-in's answer never waits for it and never fails because of it. */
    private void rehash(User user, String stored, String password) {
        if (!rehashing.add(user.subject())) {
            return;
        }
        vertx.executeBlocking(() -> hasher.hash(password), false)
                .onComplete(done -> rehashing.remove(user.subject()))
                .onSuccess(current -> {
                    try {
                        ledger.note(Ledger.by(null, meta -> new PasswordRehashed(meta, user.subject(),
                                user.username(), current, fingerprint(stored))));
                    } catch (RuntimeException e) {
                        LOG.warn("re-hashed password of user {} not recorded: {}", user.subject(),
                                e.getClass().getSimpleName());
                    }
                })
                .onFailure(e -> LOG.warn("password of user {} not re-hashed: {}", user.subject(),
                        e.getClass().getSimpleName()));
    }

    /** Hex SHA-256 of a stored hash's text; the projector compares it with the hash in Postgres. */
    public static String fingerprint(String storedHash) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(storedHash.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
