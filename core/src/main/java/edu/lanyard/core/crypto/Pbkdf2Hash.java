package edu.lanyard.core.crypto;

import java.util.Base64;

/** The parts of {@code pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>}. */
record Pbkdf2Hash(int iterations, byte[] salt, byte[] hash) {
    static final String PREFIX = "pbkdf2-sha256";
    /** Guards the verifier against a stored value that would make one check take minutes. */
    static final int MAX_ITERATIONS = 10_000_000;

    static boolean looksLike(String encoded) {
        return encoded != null && encoded.startsWith(PREFIX + "$");
    }

    static Pbkdf2Hash parse(String encoded) {
        if (encoded == null) {
            throw new IllegalArgumentException("no password hash");
        }
        String[] parts = encoded.split("\\$", -1);
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            throw new IllegalArgumentException("not a " + PREFIX + " hash");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad iteration count in " + PREFIX + " hash", e);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iteration count out of range in " + PREFIX + " hash: " + iterations);
        }
        byte[] salt = decode(parts[2], "salt");
        byte[] hash = decode(parts[3], "hash");
        if (salt.length == 0 || hash.length == 0) {
            throw new IllegalArgumentException("empty salt or hash in " + PREFIX + " hash");
        }
        return new Pbkdf2Hash(iterations, salt, hash);
    }

    String encode() {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    private static byte[] decode(String part, String what) {
        try {
            return Base64.getDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad base64 " + what + " in " + PREFIX + " hash", e);
        }
    }
}
