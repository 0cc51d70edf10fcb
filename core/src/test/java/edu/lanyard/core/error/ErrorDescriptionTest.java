package edu.lanyard.core.error;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorDescriptionTest {
    @Test
    void keepsPrintableAsciiExceptQuoteAndBackslash() {
        assertEquals("missing parameter: grant_type", ErrorDescription.rfc6749("missing parameter: grant_type"));
        assertEquals("scope ?x? ?y? ??", ErrorDescription.rfc6749("scope \"x\" \\y\\ 读取"));
        assertEquals("a?b?c", ErrorDescription.rfc6749("a\nb\u0000c"));
        assertNull(ErrorDescription.rfc6749(null));
    }

    @Test
    void shortensEchoedInput() {
        String safe = ErrorDescription.rfc6749("unsupported grant_type: " + "x".repeat(10_000));
        assertEquals(ErrorDescription.MAX_LENGTH + 3, safe.length());
        assertTrue(safe.endsWith("..."));
    }
}
