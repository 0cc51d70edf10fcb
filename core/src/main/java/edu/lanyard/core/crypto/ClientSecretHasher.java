package edu.lanyard.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Client secrets are checked on every token request, and they are machine-generated and high-entropy, so a salted
 * SHA-256 is enough and costs microseconds (a slow password hash here is what makes other servers crawl at
 * client_credentials). Encoded {@code sha256$<salt b64>$<hash b64>}, hash = SHA-256(salt || UTF-8 secret).
 * Safe to call on an event loop.
 */
public final class ClientSecretHasher {
    private static final String PREFIX = "sha256";
    private static final int SALT_BYTES = 16;

    private final SecureRandom random = new SecureRandom();

    public String hash(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("client secret must not be empty");
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(digest(salt, secret));
    }

    /**
     * True if {@code presented} is the secret behind {@code encoded}. False for a public client (no hash) or no
     * secret; a stored value in another format is a data error and throws {@link IllegalArgumentException}.
     */
    public boolean matches(String encoded, String presented) {
        if (encoded == null || presented == null) {
            return false;
        }
        Parsed stored = parse(encoded);
        return MessageDigest.isEqual(digest(stored.salt(), presented), stored.hash());
    }

    public boolean canVerify(String encoded) {
        if (encoded == null) {
            return false;
        }
        try {
            parse(encoded);
            return true;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private record Parsed(byte[] salt, byte[] hash) {
    }

    private static Parsed parse(String encoded) {
        String[] parts = encoded.split("\\$", -1);
        if (parts.length != 3 || !PREFIX.equals(parts[0])) {
            throw new IllegalArgumentException("not a " + PREFIX + " client secret hash");
        }
        try {
            return new Parsed(Base64.getDecoder().decode(parts[1]), Base64.getDecoder().decode(parts[2]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad base64 in " + PREFIX + " client secret hash", e);
        }
    }

    private static byte[] digest(byte[] salt, String secret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            sha256.update(secret.getBytes(StandardCharsets.UTF_8));
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
