package edu.lanyard.cluster.jose;

import com.nimbusds.jose.JWSAlgorithm;
import edu.lanyard.core.jose.TokenHashClaim;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TokenHashClaimTest {

    @Test
    void matchesTheOidcCoreExamples() {
        // OIDC Core 1.0 Appendix A.3 (at_hash) and A.4 (c_hash), both RS256.
        assertEquals("77QmUPtjPfzWtF2AnpK9RQ",
                TokenHashClaim.of("jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y", JWSAlgorithm.RS256));
        assertEquals("LDktKdoQak3Pk0cnXxCltA",
                TokenHashClaim.of("Qcb0Orv1zh30vL1MPRsbm-diHiMwcLyZvn1arpZv-Jxf_11jnpEX3Tgfvk", JWSAlgorithm.RS256));
    }

    @Test
    void matchesAnIndependentComputation() throws Exception {
        String token = "dNZX1hEZ9wBCzNL40Upu646bdzQA";
        assertEquals(leftHalfBase64Url("SHA-256", token), TokenHashClaim.of(token, JWSAlgorithm.ES256));
        assertEquals("wfgvmE9VxjAudsl9lc6TqA", TokenHashClaim.of(token, JWSAlgorithm.ES256));
    }

    @Test
    void eddsaUsesSha512() throws Exception {
        String token = "dNZX1hEZ9wBCzNL40Upu646bdzQA";
        String hash = TokenHashClaim.of(token, JWSAlgorithm.EdDSA);
        assertEquals(leftHalfBase64Url("SHA-512", token), hash);
        assertEquals(43, hash.length(), "32 octets, base64url without padding");
    }

    @Test
    void rejectsWhatItCannotHash() {
        assertThrows(IllegalArgumentException.class, () -> TokenHashClaim.of("abc", JWSAlgorithm.HS256));
        assertThrows(IllegalArgumentException.class, () -> TokenHashClaim.of("tök", JWSAlgorithm.RS256));
    }

    private static String leftHalfBase64Url(String hash, String token) throws Exception {
        byte[] digest = MessageDigest.getInstance(hash).digest(token.getBytes(StandardCharsets.US_ASCII));
        byte[] left = Arrays.copyOfRange(digest, 0, digest.length / 2);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(left);
    }
}
