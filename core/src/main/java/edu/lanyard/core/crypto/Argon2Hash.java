package edu.lanyard.core.crypto;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argon2 in the PHC string format, {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>} (also
 * {@code $argon2i$}; a missing {@code v=} means version 16), base64 without padding; verified by Bouncy Castle.
 */
public record Argon2Hash(int type, int version, int memoryKib, int passes, int lanes, byte[] salt, byte[] hash)
        implements PasswordHash {
    private static final Pattern FORMAT = Pattern.compile(
            "\\$(argon2id|argon2i)(?:\\$v=(\\d+))?\\$m=(\\d{1,9}),t=(\\d{1,9}),p=(\\d{1,3})\\$([A-Za-z0-9+/]+)"
                    + "\\$([A-Za-z0-9+/]+)");
    /**
     * One verification may take at most this much memory: 256 MiB, four times PHP's default (64 MiB) and above
     * Spring's and Keycloak's. Each worker thread verifying at once holds this much, so more would risk the heap.
     */
    private static final int MAX_MEMORY_KIB = 1 << 18;
    private static final int MAX_PASSES = 100;
    private static final int MAX_LANES = 64;

    static boolean looksLike(String encoded) {
        return encoded.startsWith("$argon2");
    }

    static Argon2Hash parse(String encoded) {
        Matcher m = FORMAT.matcher(encoded);
        if (!m.matches()) {
            throw malformed("expected $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash> (or $argon2i$)");
        }
        int type = "argon2id".equals(m.group(1)) ? Argon2Parameters.ARGON2_id : Argon2Parameters.ARGON2_i;
        int version = m.group(2) == null ? Argon2Parameters.ARGON2_VERSION_10 : Integer.parseInt(m.group(2));
        if (version != Argon2Parameters.ARGON2_VERSION_10 && version != Argon2Parameters.ARGON2_VERSION_13) {
            throw malformed("the version must be v=16 or v=19");
        }
        int memory = Integer.parseInt(m.group(3));
        int passes = Integer.parseInt(m.group(4));
        int lanes = Integer.parseInt(m.group(5));
        if (lanes < 1 || lanes > MAX_LANES || passes < 1 || passes > MAX_PASSES || memory < 8 * lanes
                || memory > MAX_MEMORY_KIB) {
            throw malformed("parameters out of range (m from 8·p to " + MAX_MEMORY_KIB + " KiB, t from 1 to "
                    + MAX_PASSES + ", p from 1 to " + MAX_LANES + ")");
        }
        byte[] salt = decode(m.group(6));
        byte[] hash = decode(m.group(7));
        if (salt.length < 8 || hash.length < 4) {
            throw malformed("the salt must be at least 8 bytes and the hash at least 4");
        }
        return new Argon2Hash(type, version, memory, passes, lanes, salt, hash);
    }

    @Override
    public boolean verify(String password) {
        if (password == null || password.isEmpty()) {
            return false;
        }
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(type).withVersion(version).withMemoryAsKB(memoryKib)
                .withIterations(passes).withParallelism(lanes).withSalt(salt).build());
        byte[] candidate = new byte[hash.length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), candidate);
        return MessageDigest.isEqual(candidate, hash);
    }

    @Override
    public boolean isCurrent(HashPolicy policy) {
        return false;
    }

    @Override
    public String family() {
        return "argon2";
    }

    @Override
    public String toString() {
        return "Argon2Hash[m=" + memoryKib + ",t=" + passes + ",p=" + lanes + "]";
    }

    private static byte[] decode(String part) {
        try {
            return Base64.getDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw malformed("salt or hash is not base64");
        }
    }

    private static UnsupportedPasswordHashException malformed(String why) {
        return new UnsupportedPasswordHashException("malformed Argon2 hash: " + why);
    }
}
