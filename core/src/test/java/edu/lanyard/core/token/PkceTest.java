package edu.lanyard.core.token;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PkceTest {
    /** RFC 7636 Appendix B. */
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void s256MatchesTheRfcExample() {
        assertEquals(CHALLENGE, Pkce.s256(VERIFIER));
        assertTrue(Pkce.verify(CHALLENGE, "S256", VERIFIER));
    }

    @Test
    void wrongVerifierFails() {
        assertFalse(Pkce.verify(CHALLENGE, "S256", VERIFIER.replace('d', 'e')));
        assertFalse(Pkce.verify(CHALLENGE, "plain", VERIFIER));
    }

    @Test
    void plainComparesTheStrings() {
        assertTrue(Pkce.verify(VERIFIER, "plain", VERIFIER));
        assertFalse(Pkce.verify(VERIFIER, "plain", VERIFIER + "x"));
    }

    @Test
    void verifierMustBe43To128UnreservedCharacters() {
        assertTrue(Pkce.wellFormed("a".repeat(43)));
        assertTrue(Pkce.wellFormed("A-._~9".repeat(21) + "ab"));
        assertFalse(Pkce.wellFormed("a".repeat(42)));
        assertFalse(Pkce.wellFormed("a".repeat(129)));
        assertFalse(Pkce.wellFormed("a".repeat(42) + "+"));
        assertFalse(Pkce.wellFormed("a".repeat(42) + "é"));
        assertFalse(Pkce.wellFormed(null));
        String shortVerifier = "a".repeat(42);
        assertFalse(Pkce.verify(Pkce.s256(shortVerifier), "S256", shortVerifier));
        assertFalse(Pkce.verify(CHALLENGE, "S256", null));
    }
}
