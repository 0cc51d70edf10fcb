package edu.lanyard.dialects.http;

import edu.lanyard.core.domain.HeaderValues;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedirectsTest {

    @Test
    void aUrlWithAControlCharacterOrWhitespaceIsNotSafe() {
        assertTrue(HeaderValues.isSafeUri("https://app.edu/cb?code=x&state=a%0D%0Ab"));
        assertTrue(HeaderValues.isSafeUri("https://app.edu/课程"));
        for (String unsafe : new String[]{"https://app.edu/cb\r\n X-Injected: 1", "https://app.edu/cb\r\n",
                "https://app.edu/cb\n", "https://app.edu/cb\r", "https://app.edu/\u0000", "https://app.edu/\t",
                "https://app.edu/ cb", "https://app.edu/\u007f", "https://app.edu/\u0085", "https://app.edu/\u00a0",
                "https://app.edu/\u2028", "https://app.edu/\u3000"}) {
            assertFalse(HeaderValues.isSafeUri(unsafe), unsafe);
        }
        assertFalse(HeaderValues.isSafeUri(null));
    }

    @Test
    void anUnsafeTargetIsRefusedBeforeTheResponseIsTouched() {
        // No response at all: the check must come first, and its message must not carry the target (or its code).
        Redirects.UnsafeLocation refused = assertThrows(Redirects.UnsafeLocation.class,
                () -> Redirects.send(null, 302, "https://app.edu/cb\r\n X-Injected: 1?code=secret-code"));
        assertFalse(refused.getMessage().contains("secret-code"));
        assertThrows(Redirects.UnsafeLocation.class, () -> Redirects.send(null, 302, null));
    }

    @Test
    void nonAsciiCharactersArePercentEncoded() {
        assertEquals("https://app.edu/cb?x=1", Redirects.asciiOnly("https://app.edu/cb?x=1"));
        assertEquals("https://app.edu/%E8%AF%BE?x=%F0%9F%98%80", Redirects.asciiOnly("https://app.edu/课?x=😀"));
    }
}
