package edu.lanyard.core.operator;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsrfCheckTest {
    private final CsrfCheck check = new CsrfCheck("https://sso.campus.edu/");

    @Test
    void readsNeedNothing() {
        assertTrue(check.refusal("GET", null, null).isEmpty());
        assertTrue(check.refusal("HEAD", null, "https://evil.example").isEmpty());
    }

    @Test
    void aWriteWithoutTheHeaderIsRefused() {
        assertTrue(check.refusal("POST", null, null).isPresent());
        assertTrue(check.refusal("post", "0", "https://sso.campus.edu").isPresent());
        assertTrue(check.refusal("DELETE", "", null).isPresent());
        assertTrue(check.refusal("PUT", null, null).isPresent());
    }

    @Test
    void aWriteWithTheHeaderFromTheIssuersOriginGoesOn() {
        assertEquals(Optional.empty(), check.refusal("POST", "1", "https://sso.campus.edu"));
        assertEquals(Optional.empty(), check.refusal("POST", "1", "HTTPS://SSO.campus.edu"));
        assertEquals(Optional.empty(), check.refusal("POST", "1", null), "no Origin: same-origin fetches may omit it");
    }

    @Test
    void aWriteFromAnotherOriginIsRefusedEvenWithTheHeader() {
        assertTrue(check.refusal("POST", "1", "https://evil.example").isPresent());
        assertTrue(check.refusal("POST", "1", "https://sso.campus.edu:8443").isPresent());
        assertTrue(check.refusal("POST", "1", "http://sso.campus.edu").isPresent());
        assertTrue(check.refusal("POST", "1", "null").isPresent(), "a sandboxed frame's opaque origin");
    }

    @Test
    void originsAreWrittenAsBrowsersWriteThem() {
        assertEquals("http://127.0.0.1:8080", CsrfCheck.origin("http://127.0.0.1:8080/x").orElseThrow());
        assertEquals("https://a.edu", CsrfCheck.origin("https://a.edu:443").orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> new CsrfCheck("not a url"));
    }
}
