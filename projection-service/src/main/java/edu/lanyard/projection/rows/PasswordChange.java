package edu.lanyard.projection.rows;

/**
 * A re-hashed password to store in {@code users}, only if the user's hash is still the one that was verified.
 *
 * @param replacedHashSha256 hex SHA-256 of the stored hash text the sign-in verified
 */
public record PasswordChange(String subject, String passwordHash, String replacedHashSha256) {
    /** Never prints the hash. */
    @Override
    public String toString() {
        return "PasswordChange[" + subject + "]";
    }
}
