package edu.lanyard.core.crypto;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientSecretHasherTest {
    private final ClientSecretHasher hasher = new ClientSecretHasher();

    @Test
    void encodesSaltAndSha256OfSaltAndSecret() throws Exception {
        String encoded = hasher.hash("portal-secret");

        String[] parts = encoded.split("\\$");
        assertEquals(3, parts.length, encoded);
        assertEquals("sha256", parts[0]);
        byte[] salt = Base64.getDecoder().decode(parts[1]);
        var sha256 = java.security.MessageDigest.getInstance("SHA-256");
        sha256.update(salt);
        sha256.update("portal-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(Base64.getEncoder().withoutPadding().encodeToString(sha256.digest()), parts[2]);
    }

    @Test
    void matchesTheRightSecretOnly() {
        String encoded = hasher.hash("portal-secret");
        assertTrue(hasher.matches(encoded, "portal-secret"));
        assertFalse(hasher.matches(encoded, "portal-secreT"));
        assertFalse(hasher.matches(encoded, ""));
        assertFalse(hasher.matches(encoded, null));
        assertFalse(hasher.matches(null, "portal-secret"), "a public client has no secret to match");
        assertNotEquals(hasher.hash("portal-secret"), encoded, "salted");
    }

    @Test
    void rejectsMalformedHashes() {
        for (String bad : new String[] {"", "sha256", "sha256$AAAA", "md5$AAAA$AAAA", "sha256$!!$AAAA",
                "pbkdf2-sha256$1000$AAAA$AAAA"}) {
            assertThrows(IllegalArgumentException.class, () -> hasher.matches(bad, "x"), bad);
            assertFalse(hasher.canVerify(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> hasher.hash(""));
    }

    @Test
    void verifiesInMicroseconds() {
        String encoded = hasher.hash("a-high-entropy-client-secret-0123456789");
        for (int i = 0; i < 20_000; i++) { // warm up
            hasher.matches(encoded, "a-high-entropy-client-secret-0123456789");
        }
        int rounds = 20_000;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            hasher.matches(encoded, "a-high-entropy-client-secret-0123456789");
        }
        double microsEach = (System.nanoTime() - start) / 1_000.0 / rounds;
        assertTrue(microsEach < 50, "one verification took " + microsEach + " µs");
    }
}
