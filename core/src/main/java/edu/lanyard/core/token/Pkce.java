package edu.lanyard.core.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/** RFC 7636 proof key checks. */
public final class Pkce {
    /** §4.1: 43–128 characters of the unreserved set. Challenges have the same shape. */
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");

    private Pkce() {
    }

    public static boolean wellFormed(String verifierOrChallenge) {
        return verifierOrChallenge != null && SHAPE.matcher(verifierOrChallenge).matches();
    }

    public static boolean verify(String challenge, String method, String verifier) {
        if (!wellFormed(verifier)) {
            return false;
        }
        byte[] expected = challenge.getBytes(StandardCharsets.US_ASCII);
        byte[] actual = "plain".equals(method) ? verifier.getBytes(StandardCharsets.US_ASCII) : s256(verifier)
                .getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }

    public static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JRE", e);
        }
    }
}
