package edu.lanyard.launcher.browser;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/** OIDC Core §3.1.3.6 / §3.3.2.11: at_hash and c_hash for SHA-256 algorithms (RS256, ES256), computed by hand. */
final class TokenHashes {
    private TokenHashes() {
    }

    static String leftHalfSha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
