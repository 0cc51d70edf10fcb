package edu.lanyard.core.jose;

import com.nimbusds.jose.JWSAlgorithm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * The OIDC {@code at_hash} / {@code c_hash} value (OIDC Core §3.1.3.6, §3.3.2.11): base64url of the left-most half
 * of the hash of the token's ASCII octets, the hash being the one of the ID token's {@code alg}.
 */
public final class TokenHashClaim {

    private TokenHashClaim() {
    }

    /** @throws IllegalArgumentException for a non-ASCII token or an algorithm without a defined hash here */
    public static String of(String token, JWSAlgorithm alg) {
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(token)) {
            throw new IllegalArgumentException("token hash claims are defined for ASCII tokens only");
        }
        byte[] digest = digest(hashAlgorithm(alg), token.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, digest.length / 2));
    }

    /** EdDSA means Ed25519 here (the only curve Lanyard signs with); OIDC Core errata set 2 gives it SHA-512. */
    static String hashAlgorithm(JWSAlgorithm alg) {
        if (JWSAlgorithm.RS256.equals(alg) || JWSAlgorithm.ES256.equals(alg) || JWSAlgorithm.PS256.equals(alg)) {
            return "SHA-256";
        }
        if (JWSAlgorithm.RS384.equals(alg) || JWSAlgorithm.ES384.equals(alg) || JWSAlgorithm.PS384.equals(alg)) {
            return "SHA-384";
        }
        if (JWSAlgorithm.RS512.equals(alg) || JWSAlgorithm.ES512.equals(alg) || JWSAlgorithm.PS512.equals(alg)
                || JWSAlgorithm.EdDSA.equals(alg) || JWSAlgorithm.Ed25519.equals(alg)) {
            return "SHA-512";
        }
        throw new IllegalArgumentException("no token hash defined for " + alg);
    }

    private static byte[] digest(String algorithm, byte[] input) {
        try {
            return MessageDigest.getInstance(algorithm).digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }
}
