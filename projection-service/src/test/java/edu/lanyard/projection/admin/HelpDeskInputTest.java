package edu.lanyard.projection.admin;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the help desk accepts as a new password, and what it generates. */
class HelpDeskInputTest {

    private static AdminException refused(String body) {
        return assertThrows(AdminException.class, () -> NewPassword.of(body));
    }

    @Test
    void theBodyNamesAPasswordOrAsksForOne() {
        assertEquals("long-enough", NewPassword.of("{\"password\": \"long-enough\"}").given());
        assertNull(NewPassword.of("{\"generate\": true}").given());
        assertEquals("given", NewPassword.of("{\"password\": \"given\", \"generate\": false}").given());
    }

    @Test
    void anythingElseIsA400ThatNeverQuotesTheBody() {
        for (String body : new String[]{null, "", "  ", "{not json", "[\"a-password\"]", "{}", "{\"generate\": false}",
                "{\"password\": 12345678}", "{\"password\": \"a-password\", \"generate\": true}"}) {
            AdminException e = refused(body);
            assertEquals(400, e.status(), body);
            assertEquals("invalid_request", e.error());
            assertFalse(e.getMessage().contains("a-password"), e.getMessage());
        }
        assertFalse(NewPassword.of("{\"password\": \"secret-value\"}").toString().contains("secret-value"));
    }

    @Test
    void aGivenPasswordMustBeUsable() {
        assertEquals(Optional.empty(), HelpDesk.problem("eight ch"));
        assertTrue(HelpDesk.problem("seven c").orElseThrow().contains("at least 8"));
        assertTrue(HelpDesk.problem("x".repeat(1025)).orElseThrow().contains("at most 1024"));
        assertTrue(HelpDesk.problem("two\nlines").orElseThrow().contains("control characters"));
        assertTrue(HelpDesk.problem("        ").orElseThrow().contains("spaces"));
        assertFalse(HelpDesk.problem("seven c").orElseThrow().contains("seven c"), "never quoted");
    }

    @Test
    void generatedPasswordsAreLongRandomAndEasyToReadOut() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String password = GeneratedPasswords.next();
            assertEquals(GeneratedPasswords.LENGTH, password.length());
            assertTrue(password.matches("[a-km-zA-HJ-NP-Z2-9]+"), password);
            assertFalse(password.matches(".*[0O1lI].*"), password);
            assertEquals(Optional.empty(), HelpDesk.problem(password));
            assertTrue(seen.add(password));
        }
    }
}
