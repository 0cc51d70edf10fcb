package edu.lanyard.core.crypto;

import edu.lanyard.core.config.LanyardConfig;

/**
 * What a current password hash is: Lanyard's PBKDF2-HMAC-SHA256 with at least the configured iteration count.
 * Anything else still verifies but is replaced by a current hash at the next successful sign-in.
 */
public record HashPolicy(int pbkdf2Iterations) {
    public static HashPolicy fromConfig(LanyardConfig.Login login) {
        return new HashPolicy(login.pbkdf2Iterations());
    }
}
