package edu.lanyard.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code userPassword} schemes of OpenLDAP and CAS's LDAP back ends: {@code {SHA}}, {@code {MD5}},
 * {@code {SHA256}}, {@code {SHA512}} are base64(digest(password)); the salted {@code {SSHA}}, {@code {SMD5}},
 * {@code {SSHA256}}, {@code {SSHA512}} are base64(digest(password ‖ salt) ‖ salt). Fast digests: kept only until
 * the user's next sign-in replaces them.
 */
public record LdapDigestHash(String scheme, String algorithm, byte[] digest, byte[] salt) implements PasswordHash {
    private record Scheme(String algorithm, boolean salted) {
    }

    private static final Map<String, Scheme> SCHEMES = Map.of(
            "SHA", new Scheme("SHA-1", false), "SSHA", new Scheme("SHA-1", true),
            "MD5", new Scheme("MD5", false), "SMD5", new Scheme("MD5", true),
            "SHA256", new Scheme("SHA-256", false), "SSHA256", new Scheme("SHA-256", true),
            "SHA512", new Scheme("SHA-512", false), "SSHA512", new Scheme("SHA-512", true));

    static LdapDigestHash parse(String encoded) {
        int close = encoded.indexOf('}');
        String name = close < 0 ? "" : encoded.substring(1, close).toUpperCase(Locale.ROOT);
        Scheme scheme = SCHEMES.get(name);
        if (scheme == null) {
            throw new UnsupportedPasswordHashException("unsupported LDAP password scheme; accepted: {SSHA}, {SHA},"
                    + " {SSHA256}, {SHA256}, {SSHA512}, {SHA512}, {MD5}, {SMD5}");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(encoded.substring(close + 1).trim());
        } catch (IllegalArgumentException e) {
            throw malformed(name, "the value is not base64");
        }
        int length = digestLength(scheme.algorithm);
        if (scheme.salted ? raw.length <= length : raw.length != length) {
            throw malformed(name, scheme.salted ? "expected a " + length + "-byte digest followed by a salt"
                    : "expected a " + length + "-byte digest");
        }
        return new LdapDigestHash(name, scheme.algorithm, Arrays.copyOf(raw, length),
                Arrays.copyOfRange(raw, length, raw.length));
    }

    @Override
    public boolean verify(String password) {
        if (password == null || password.isEmpty()) {
            return false;
        }
        MessageDigest md = digest(algorithm);
        md.update(password.getBytes(StandardCharsets.UTF_8));
        md.update(salt);
        return MessageDigest.isEqual(md.digest(), digest);
    }

    @Override
    public boolean isCurrent(HashPolicy policy) {
        return false;
    }

    @Override
    public String family() {
        return "ldap-" + scheme.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "LdapDigestHash[" + scheme + "]";
    }

    static int digestLength(String algorithm) {
        return digest(algorithm).getDigestLength();
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is not available in this JVM", e);
        }
    }

    private static UnsupportedPasswordHashException malformed(String scheme, String why) {
        return new UnsupportedPasswordHashException("malformed {" + scheme + "} hash: " + why);
    }
}
