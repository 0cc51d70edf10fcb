package edu.lanyard.core.oidc;

import edu.lanyard.core.domain.User;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OIDC Core §5.4: each scope releases exactly its claims, only those with a value. */
class StandardClaimsTest {
    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant UPDATED = Instant.parse("2026-03-01T08:00:00Z");
    private static final Map<String, Object> ADDRESS = Map.of("street_address", "1 College Rd",
            "locality", "Hangzhou", "country", "CN");

    private static User alice() {
        Map<String, Object> claims = Map.of("given_name", "Alice", "family_name", "Zhang", "nickname", "Ali",
                "birthdate", "2001-09-30", "zoneinfo", "Asia/Shanghai", "locale", "zh-CN", "email_verified", true,
                "address", ADDRESS, "website", "https://alice.example.edu/");
        return new User("sub-1", "alice", "hash", "Alice Zhang", "alice@example.edu", "+86 571 0000",
                Map.of("employeeNumber", "2023001"), claims, false, User.Origin.LOCAL, CREATED, UPDATED);
    }

    @Test
    void profileReleasesTheProfileClaimsThatHaveAValue() {
        Map<String, Object> claims = StandardClaims.of(alice(), "openid profile");
        assertEquals(List.of("sub", "name", "family_name", "given_name", "nickname", "preferred_username", "website",
                "birthdate", "zoneinfo", "locale", "updated_at"), List.copyOf(claims.keySet()));
        assertEquals("Alice", claims.get("given_name"));
        assertEquals("Zhang", claims.get("family_name"));
        assertEquals("alice", claims.get("preferred_username"), "the username when none was imported");
        assertEquals(UPDATED.getEpochSecond(), claims.get("updated_at"), "when the record last changed");
        assertFalse(claims.containsValue(null));
    }

    @Test
    void emailAddressAndPhoneReleaseTheirOwnClaims() {
        assertEquals(Map.of("sub", "sub-1", "email", "alice@example.edu", "email_verified", true),
                StandardClaims.of(alice(), "email"));
        assertEquals(Map.of("sub", "sub-1", "address", ADDRESS), StandardClaims.of(alice(), "address"));
        assertEquals(Map.of("sub", "sub-1", "phone_number", "+86 571 0000", "phone_number_verified", false),
                StandardClaims.of(alice(), "phone"));
    }

    @Test
    void openidAloneAndOtherScopesReleaseOnlyTheSubject() {
        assertEquals(Map.of("sub", "sub-1"), StandardClaims.of(alice(), "openid course:read"));
    }

    @Test
    void aUserWithoutAnEmailGetsNoEmailVerified() {
        User bare = User.local("sub-2", "bob", "hash", null, null, null, Map.of(), CREATED);
        assertEquals(Map.of("sub", "sub-2", "preferred_username", "bob", "updated_at", CREATED.getEpochSecond()),
                StandardClaims.of(bare, "profile email phone address"));
    }

    @Test
    void requestedClaimsAreReleasedWithoutTheirScopeButNothingBeyondTheStandardOnes() {
        Map<String, Object> claims = StandardClaims.of(alice(), "openid",
                Set.of("given_name", "email", "employeeNumber", "password_hash"));
        assertEquals(Map.of("sub", "sub-1", "given_name", "Alice", "email", "alice@example.edu"), claims);
    }

    @Test
    void claimsOfAttributesFromBeforeStandardClaimsStillRead() {
        User legacy = User.local("sub-3", "carol", "hash", "Carol", null, null,
                Map.of("gender", "female", "birthday", "1999"), CREATED);
        Map<String, Object> claims = StandardClaims.of(legacy, "profile");
        assertEquals("female", claims.get("gender"));
        assertEquals("1999", claims.get("birthdate"));
    }

    @Test
    void theSupportedListCoversEveryScopeClaimOnce() {
        assertEquals(Set.copyOf(StandardClaims.SUPPORTED).size(), StandardClaims.SUPPORTED.size());
        assertTrue(StandardClaims.SUPPORTED.containsAll(StandardClaims.namesFor("profile email address phone")));
        assertEquals(20, StandardClaims.SUPPORTED.size(), "sub and the 19 claims of §5.4");
    }
}
