package edu.lanyard.dialects;

import edu.lanyard.core.domain.User;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Product profile fields read the user's standard claims when the attributes have nothing under that name. */
class ProfileFieldsClaimsTest {
    private static final User ALICE = new User("sub-1", "alice", "hash", "Alice Zhang", "alice@example.edu", null,
            Map.of("department", "Physics", "gender", "2"),
            Map.of("given_name", "Alice", "family_name", "Zhang", "birthdate", "2001-09-30", "gender", "female",
                    "picture", "https://people.example.edu/alice.png",
                    "address", Map.of("street_address", "1 College Road", "locality", "Hangzhou", "country", "CN")),
            false, User.Origin.LOCAL, Instant.EPOCH, Instant.EPOCH);

    private final ProfileFields fields = new ProfileFields(ALICE, Map.of("surname_cn", "family_name"));

    @Test
    void productNamesForNamesAndDatesReadTheClaims() {
        assertEquals("Alice", fields.text("given_name"));
        assertEquals("Alice", fields.text("firstName"));
        assertEquals("Zhang", fields.text("lastName"));
        assertEquals("Zhang", fields.text("surname_cn"), "attributeMapping may point at a claim");
        assertEquals("2001-09-30", fields.text("birthday"));
        assertEquals("https://people.example.edu/alice.png", fields.text("avatar"));
        assertEquals("1 College Road, Hangzhou, CN", fields.text("address"));
    }

    @Test
    void anAttributeOfTheSameNameStillWins() {
        assertEquals("2", fields.text("gender"), "the attribute, as products had it before standard claims");
        assertEquals("Physics", fields.text("department"));
    }

    @Test
    void unknownFieldsAndTheSubjectAliasStayAsTheyWere() {
        assertNull(fields.text("institution"));
        assertNull(fields.text("nickname"));
        assertEquals("sub-1", fields.text("sub"));
    }
}
