package edu.lanyard.devkit;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Test vectors: a password hashed in every format the import accepts, made here from the JDK's and Bouncy Castle's
 * primitives the way the products that wrote them do, not with Lanyard's own verifier. Costs are the lowest each
 * format allows, so tests stay quick.
 */
public final class LegacyHashes {
    private static final byte[] SALT = "campus-salt-16by".getBytes(StandardCharsets.US_ASCII);

    private LegacyHashes() {
    }

    /** Format name (for test names) to the hash of {@code password}; insertion order. */
    public static Map<String, String> of(String password) {
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        Map<String, String> hashes = new LinkedHashMap<>();
        hashes.put("bcrypt-2a", bcrypt("2a", password, 4));
        hashes.put("bcrypt-2b", bcrypt("2b", password, 4));
        hashes.put("bcrypt-2y", bcrypt("2y", password, 4));
        Base64.Encoder b64 = Base64.getEncoder();
        Base64.Encoder b64np = Base64.getEncoder().withoutPadding();
        hashes.put("pbkdf2-lanyard", "pbkdf2-sha256$1000$" + b64np.encodeToString(SALT) + "$"
                + b64np.encodeToString(pbkdf2("PBKDF2WithHmacSHA256", password, SALT, 1000, 32)));
        hashes.put("pbkdf2-passlib-sha256", "$pbkdf2-sha256$1000$" + ab64(SALT) + "$"
                + ab64(pbkdf2("PBKDF2WithHmacSHA256", password, SALT, 1000, 32)));
        hashes.put("pbkdf2-passlib-sha512", "$pbkdf2-sha512$1000$" + ab64(SALT) + "$"
                + ab64(pbkdf2("PBKDF2WithHmacSHA512", password, SALT, 1000, 64)));
        hashes.put("pbkdf2-passlib-sha1", "$pbkdf2$1000$" + ab64(SALT) + "$"
                + ab64(pbkdf2("PBKDF2WithHmacSHA1", password, SALT, 1000, 20)));
        hashes.put("pbkdf2-phc-i", "$pbkdf2-sha256$i=1000,l=32$" + b64np.encodeToString(SALT) + "$"
                + b64np.encodeToString(pbkdf2("PBKDF2WithHmacSHA256", password, SALT, 1000, 32)));
        hashes.put("pbkdf2-django", "pbkdf2_sha256$1000$djangoSalt123$" + b64.encodeToString(
                pbkdf2("PBKDF2WithHmacSHA256", password, "djangoSalt123".getBytes(StandardCharsets.UTF_8), 1000,
                        32)));
        hashes.put("argon2id", argon2(Argon2Parameters.ARGON2_id, "argon2id", pw));
        hashes.put("argon2i", argon2(Argon2Parameters.ARGON2_i, "argon2i", pw));
        hashes.put("ldap-sha", "{SHA}" + b64.encodeToString(digest("SHA-1", pw)));
        hashes.put("ldap-ssha", "{SSHA}" + b64.encodeToString(salted("SHA-1", pw, SALT)));
        hashes.put("ldap-ssha256", "{SSHA256}" + b64.encodeToString(salted("SHA-256", pw, SALT)));
        hashes.put("ldap-ssha512", "{SSHA512}" + b64.encodeToString(salted("SHA-512", pw, SALT)));
        hashes.put("ldap-md5", "{MD5}" + b64.encodeToString(digest("MD5", pw)));
        hashes.put("ldap-smd5", "{SMD5}" + b64.encodeToString(salted("MD5", pw, SALT)));
        HexFormat hex = HexFormat.of();
        byte[] salt = "s4lt".getBytes(StandardCharsets.UTF_8);
        hashes.put("hex-md5", "md5:" + hex.formatHex(digest("MD5", pw)));
        hashes.put("hex-sha1", "sha1:" + hex.formatHex(digest("SHA-1", pw)));
        hashes.put("hex-sha256", "sha256:" + hex.formatHex(digest("SHA-256", pw)).toUpperCase());
        hashes.put("hex-md5-salted", "md5:s4lt:" + hex.formatHex(digest("MD5", concat(salt, pw))));
        hashes.put("hex-sha1-salted", "sha1:s4lt:" + hex.formatHex(digest("SHA-1", concat(salt, pw))));
        hashes.put("hex-sha256-salted", "sha256:s4lt:" + hex.formatHex(digest("SHA-256", concat(salt, pw))));
        hashes.put("hex-md5-suffix", "md5-suffix:s4lt:" + hex.formatHex(digest("MD5", concat(pw, salt))));
        hashes.put("hex-sha256-suffix", "sha256-suffix:s4lt:"
                + hex.formatHex(digest("SHA-256", concat(pw, salt))));
        return hashes;
    }

    /** A bcrypt hash as PHP's password_hash and MaxKey write it. */
    public static String bcrypt(String version, String password, int cost) {
        return OpenBSDBCrypt.generate(version, password.getBytes(StandardCharsets.UTF_8), SALT, cost);
    }

    private static String argon2(int type, String name, byte[] pw) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(type).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(256).withIterations(2).withParallelism(1).withSalt(SALT).build());
        byte[] out = new byte[32];
        generator.generateBytes(pw, out);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$" + name + "$v=19$m=256,t=2,p=1$" + b64.encodeToString(SALT) + "$" + b64.encodeToString(out);
    }

    private static String ab64(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes).replace('+', '.');
    }

    private static byte[] pbkdf2(String algorithm, String password, byte[] salt, int iterations, int bytes) {
        try {
            return SecretKeyFactory.getInstance(algorithm)
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, bytes * 8)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] salted(String algorithm, byte[] pw, byte[] salt) {
        return concat(digest(algorithm, concat(pw, salt)), salt);
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
