package edu.lanyard.authorize.page;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsrfTokensTest {

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private final CsrfTokens tokens = new CsrfTokens(key(7));

    @Test
    void verifiesItsOwnToken() {
        String token = tokens.issue("browser-1", "rid-1");
        assertEquals(43, token.length(), "256-bit MAC, base64url without padding");
        assertTrue(tokens.verify("browser-1", "rid-1", token));
    }

    @Test
    void anotherNodeWithTheSameKeyVerifies() {
        assertTrue(new CsrfTokens(key(7)).verify("b", "r", tokens.issue("b", "r")));
    }

    @Test
    void rejectsTokenForAnotherBrowserRequestOrKey() {
        String token = tokens.issue("browser-1", "rid-1");
        assertFalse(tokens.verify("browser-2", "rid-1", token), "login CSRF: attacker's pair in victim's browser");
        assertFalse(tokens.verify("browser-1", "rid-2", token));
        assertFalse(new CsrfTokens(key(8)).verify("browser-1", "rid-1", token));
    }

    @Test
    void rejectsTamperedMissingOrMalformedTokens() {
        String token = tokens.issue("b", "r");
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertFalse(tokens.verify("b", "r", tampered));
        assertFalse(tokens.verify("b", "r", token.substring(1)));
        assertFalse(tokens.verify("b", "r", ""));
        assertFalse(tokens.verify("b", "r", null));
        assertFalse(tokens.verify(null, "r", token));
        assertFalse(tokens.verify("b", null, token));
        assertFalse(tokens.verify("b", "r", "中文令牌"));
    }

    @Test
    void fieldBoundariesAreUnambiguous() {
        assertNotEquals(tokens.issue("ab", "c"), tokens.issue("a", "bc"));
    }

    @Test
    void shortKeysAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CsrfTokens(new byte[16]));
    }
}
