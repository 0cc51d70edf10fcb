package edu.lanyard.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * PBKDF2 in the spellings campuses bring, and Lanyard's own (the only current one):
 * <ul>
 * <li>{@link Style#LANYARD} {@code pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>};</li>
 * <li>{@link Style#PHC} passlib's {@code $pbkdf2-sha256$<iterations>$<salt>$<hash>} (also {@code $pbkdf2-sha512$}
 * and {@code $pbkdf2$} for SHA-1), salt and hash in base64 with {@code .} for {@code +}; {@code i=<n>} is read too;</li>
 * <li>{@link Style#DJANGO} {@code pbkdf2_sha256$<iterations>$<salt text>$<hash b64>}: the salt is used as text.</li>
 * </ul>
 */
public record Pbkdf2Hash(Prf prf, Style style, int iterations, byte[] salt, byte[] hash) implements PasswordHash {
    static final String PREFIX = "pbkdf2-sha256";
    /** Guards the verifier against a stored value that would make one check take minutes. */
    static final int MAX_ITERATIONS = 10_000_000;

    public enum Prf {
        SHA1("PBKDF2WithHmacSHA1"), SHA256("PBKDF2WithHmacSHA256"), SHA512("PBKDF2WithHmacSHA512");

        private final String jceName;

        Prf(String jceName) {
            this.jceName = jceName;
        }

        /** The JCA's name for the same function ({@code PBKDF2WithHmacSHA256} …), which the tests compare against. */
        String jceName() {
            return jceName;
        }
    }

    public enum Style { LANYARD, PHC, DJANGO }

    /** Lanyard's own format. */
    Pbkdf2Hash(int iterations, byte[] salt, byte[] hash) {
        this(Prf.SHA256, Style.LANYARD, iterations, salt, hash);
    }

    static boolean looksLike(String encoded) {
        return encoded != null && (encoded.startsWith(PREFIX + "$") || encoded.startsWith("$pbkdf2$")
                || encoded.startsWith("$pbkdf2-") || encoded.startsWith("pbkdf2_"));
    }

    static Pbkdf2Hash parse(String encoded) {
        if (encoded == null) {
            throw new UnsupportedPasswordHashException("no password hash");
        }
        if (encoded.startsWith("$")) {
            return phc(encoded);
        }
        if (encoded.startsWith("pbkdf2_")) {
            return django(encoded);
        }
        String[] parts = encoded.split("\\$", -1);
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            throw malformed("pbkdf2-sha256", "expected pbkdf2-sha256$<iterations>$<salt>$<hash>");
        }
        return checked(Prf.SHA256, Style.LANYARD, parts[1], decode(parts[2], "pbkdf2-sha256"),
                decode(parts[3], "pbkdf2-sha256"));
    }

    private static Pbkdf2Hash phc(String encoded) {
        String[] parts = encoded.split("\\$", -1);
        if (parts.length != 5 || !parts[0].isEmpty()) {
            throw malformed("PBKDF2", "expected $pbkdf2-<digest>$<iterations>$<salt>$<hash>");
        }
        Prf prf = switch (parts[1]) {
            case "pbkdf2" -> Prf.SHA1;
            case "pbkdf2-sha256" -> Prf.SHA256;
            case "pbkdf2-sha512" -> Prf.SHA512;
            default -> throw malformed("PBKDF2", "the digest must be $pbkdf2$ (SHA-1), $pbkdf2-sha256$ or"
                    + " $pbkdf2-sha512$");
        };
        // PHC proper writes i=<n>[,l=<length>]; passlib writes the bare number
        String rounds = parts[2].startsWith("i=") ? parts[2].substring(2).split(",", 2)[0] : parts[2];
        return checked(prf, Style.PHC, rounds, decode(abToStandard(parts[3]), "PBKDF2"),
                decode(abToStandard(parts[4]), "PBKDF2"));
    }

    private static Pbkdf2Hash django(String encoded) {
        String[] parts = encoded.split("\\$", -1);
        if (parts.length != 4) {
            throw malformed("Django PBKDF2", "expected pbkdf2_sha256$<iterations>$<salt>$<hash>");
        }
        Prf prf = switch (parts[0]) {
            case "pbkdf2_sha1" -> Prf.SHA1;
            case "pbkdf2_sha256" -> Prf.SHA256;
            default -> throw malformed("Django PBKDF2", "the digest must be pbkdf2_sha256 or pbkdf2_sha1");
        };
        return checked(prf, Style.DJANGO, parts[1], parts[2].getBytes(StandardCharsets.UTF_8),
                decode(parts[3], "Django PBKDF2"));
    }

    private static Pbkdf2Hash checked(Prf prf, Style style, String rounds, byte[] salt, byte[] hash) {
        int iterations;
        try {
            iterations = Integer.parseInt(rounds);
        } catch (NumberFormatException e) {
            throw malformed("PBKDF2", "the iteration count is not a number");
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw malformed("PBKDF2", "the iteration count must be between 1 and " + MAX_ITERATIONS);
        }
        if (salt.length == 0 || hash.length == 0) {
            throw malformed("PBKDF2", "empty salt or hash");
        }
        return new Pbkdf2Hash(prf, style, iterations, salt, hash);
    }

    /** Lanyard's own format; other styles are read, never written. */
    String encode() {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    @Override
    public boolean verify(String password) {
        if (password == null || password.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(Pbkdf2.derive(prf, password, salt, iterations, hash.length), hash);
    }

    @Override
    public boolean isCurrent(HashPolicy policy) {
        return style == Style.LANYARD && prf == Prf.SHA256 && iterations >= policy.pbkdf2Iterations();
    }

    @Override
    public String family() {
        return "pbkdf2";
    }

    /** Never prints salt or hash. */
    @Override
    public String toString() {
        return "Pbkdf2Hash[" + prf + ", " + style + ", " + iterations + "]";
    }

    /** passlib's "adapted base64": {@code .} instead of {@code +}, no padding. */
    private static String abToStandard(String part) {
        return part.replace('.', '+');
    }

    private static byte[] decode(String part, String family) {
        try {
            return Base64.getDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw malformed(family, "salt or hash is not base64");
        }
    }

    private static UnsupportedPasswordHashException malformed(String family, String why) {
        return new UnsupportedPasswordHashException("malformed " + family + " hash: " + why);
    }
}
