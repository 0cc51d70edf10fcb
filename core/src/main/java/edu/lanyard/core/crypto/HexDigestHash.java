package edu.lanyard.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bare hex digests as home-grown PHP single sign-on systems stored them, written with a prefix that says how:
 * <ul>
 * <li>{@code md5:<hex>}: hex(md5(password)); likewise {@code sha1:}, {@code sha256:}, {@code sha512:};</li>
 * <li>{@code md5:<salt>:<hex>}: hex(md5(salt ‖ password)), the salt as text, before the password;</li>
 * <li>{@code md5-suffix:<salt>:<hex>}: hex(md5(password ‖ salt)), the salt after the password.</li>
 * </ul>
 * The hex is the part after the last colon, so a salt may itself contain colons. Fast digests: kept only until the
 * user's next sign-in replaces them.
 */
public record HexDigestHash(String algorithm, String salt, boolean saltAfter, byte[] digest) implements PasswordHash {
    private static final Pattern PREFIX = Pattern.compile("(md5|sha1|sha256|sha512)(-suffix)?:.*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Map<String, String> ALGORITHMS = Map.of("md5", "MD5", "sha1", "SHA-1", "sha256", "SHA-256",
            "sha512", "SHA-512");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");

    static boolean looksLike(String encoded) {
        return PREFIX.matcher(encoded).matches();
    }

    static HexDigestHash parse(String encoded) {
        Matcher m = PREFIX.matcher(encoded);
        if (!m.matches()) {
            throw new UnsupportedPasswordHashException("not a hex digest hash");
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        boolean saltAfter = m.group(2) != null;
        String rest = encoded.substring(m.end(2) < 0 ? m.end(1) + 1 : m.end(2) + 1);
        int last = rest.lastIndexOf(':');
        String salt = last < 0 ? null : rest.substring(0, last);
        String hex = rest.substring(last + 1);
        String algorithm = ALGORITHMS.get(name);
        int length = LdapDigestHash.digestLength(algorithm);
        if (saltAfter && salt == null) {
            throw malformed(name, name + "-suffix needs a salt: " + name + "-suffix:<salt>:<hex>");
        }
        if (salt != null && salt.isEmpty()) {
            throw malformed(name, "the salt is empty; leave it out for an unsalted digest");
        }
        if (hex.length() != 2 * length || !HEX.matcher(hex).matches()) {
            throw malformed(name, "expected " + (2 * length) + " hex digits after the last colon");
        }
        return new HexDigestHash(algorithm, salt, saltAfter, HexFormat.of().parseHex(hex));
    }

    @Override
    public boolean verify(String password) {
        if (password == null || password.isEmpty()) {
            return false;
        }
        byte[] saltBytes = salt == null ? new byte[0] : salt.getBytes(StandardCharsets.UTF_8);
        MessageDigest md = LdapDigestHash.digest(algorithm);
        if (!saltAfter) {
            md.update(saltBytes);
        }
        md.update(password.getBytes(StandardCharsets.UTF_8));
        if (saltAfter) {
            md.update(saltBytes);
        }
        return MessageDigest.isEqual(md.digest(), digest);
    }

    @Override
    public boolean isCurrent(HashPolicy policy) {
        return false;
    }

    @Override
    public String family() {
        return "hex-" + algorithm.toLowerCase(Locale.ROOT).replace("-", "");
    }

    @Override
    public String toString() {
        return "HexDigestHash[" + algorithm + (salt == null ? "" : saltAfter ? ", salt after" : ", salt before")
                + "]";
    }

    private static UnsupportedPasswordHashException malformed(String name, String why) {
        return new UnsupportedPasswordHashException("malformed " + name + " hex digest: " + why);
    }
}
