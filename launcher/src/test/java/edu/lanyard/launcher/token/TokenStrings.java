package edu.lanyard.launcher.token;

import java.security.SecureRandom;
import java.util.Base64;

/** Random strings for PKCE verifiers, states and made-up tokens. */
final class TokenStrings {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenStrings() {
    }

    /** base64url of {@code bytes} random bytes. */
    static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
