package edu.lanyard.core.event;

/**
 * A user signed in with the right password against a hash that is not the current algorithm or cost (an imported
 * bcrypt, LDAP or hex digest, or PBKDF2 with fewer iterations), and Lanyard made the current hash from it. The
 * projector stores {@code passwordHash} only if the user's stored hash is still the one that was verified, so an
 * import or a reset in between wins.
 *
 * @param passwordHash       the new hash. Not a secret like a password, but never printed: not in {@link #toString},
 *                           not in the audit log
 * @param replacedHashSha256 hex SHA-256 of the stored hash text that was verified: enough to compare and set,
 *                           without copying a weak legacy hash into the event log
 */
public record PasswordRehashed(EventMeta meta, String subject, String username, String passwordHash,
                               String replacedHashSha256) implements LifecycleEvent {
    @Override
    public String key() {
        return subject;
    }

    @Override
    public String toString() {
        return "PasswordRehashed[" + meta + ", subject=" + subject + ", username=" + username + "]";
    }
}
