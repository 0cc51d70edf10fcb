package edu.lanyard.core.token;

import edu.lanyard.core.error.OAuthException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScopesTest {
    private static final List<String> ALLOWED = List.of("openid", "profile", "email");

    @Test
    void parsesSpaceDelimitedTokensInOrderWithoutDuplicates() {
        assertEquals(List.of("openid", "profile"), List.copyOf(Scopes.parse("  openid   profile openid ")));
        assertEquals(Set.of(), Scopes.parse(null));
        assertEquals(Set.of(), Scopes.parse("   "));
    }

    @Test
    void onlyTheSpaceDelimits() {
        assertEquals(Set.of("a+b"), Scopes.parse("a+b"), "RFC 6749 §3.3: '+' is a scope-token character");
        assertEquals(Set.of("urn:x:read", "https://api.example/write"),
                Scopes.parse("urn:x:read https://api.example/write"));
    }

    @Test
    void grantGivesEverythingAllowedWhenNothingWasAsked() {
        assertEquals("openid profile email", Scopes.grant(null, ALLOWED));
        assertEquals("openid profile email", Scopes.grant(" ", ALLOWED));
    }

    @Test
    void grantGivesWhatWasAskedIfAllowed() {
        assertEquals("email openid", Scopes.grant("email openid email", ALLOWED));
    }

    @Test
    void grantRefusesAnythingOutsideTheAllowedSet() {
        OAuthException e = assertThrows(OAuthException.class, () -> Scopes.grant("openid admin", ALLOWED));
        assertEquals("invalid_scope", e.error().error());
        assertEquals(400, e.error().status());
        assertThrows(OAuthException.class, () -> Scopes.grant("openid+profile", ALLOWED));
    }

    @Test
    void narrowKeepsTheOriginalWhenNothingWasAskedAndRefusesWidening() {
        assertEquals("openid profile", Scopes.narrow(null, "openid profile"));
        assertEquals("profile", Scopes.narrow("profile", "openid profile"));
        OAuthException e = assertThrows(OAuthException.class, () -> Scopes.narrow("profile email",
                "openid profile"));
        assertEquals("invalid_scope", e.error().error());
    }

    @Test
    void containsIsTokenExact() {
        assertTrue(Scopes.contains("openid profile", "openid"));
        assertFalse(Scopes.contains("openidx profile", "openid"));
        assertFalse(Scopes.contains(null, "openid"));
    }
}
