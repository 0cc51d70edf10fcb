package edu.lanyard.launcher.browser;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** A PKCE verifier and the challenge sent for it (RFC 7636 §4.1-4.2). */
record Pkce(String verifier, String challenge, String method) {
    private static final SecureRandom RANDOM = new SecureRandom();

    static Pkce s256() {
        String verifier = newVerifier();
        return new Pkce(verifier, s256Of(verifier), "S256");
    }

    static Pkce plain() {
        String verifier = newVerifier();
        return new Pkce(verifier, verifier, "plain");
    }

    private static String newVerifier() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String s256Of(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
