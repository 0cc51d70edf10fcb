package edu.lanyard.directory.importing;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OIDC standard claims as import keys, their §5.1 rules, and login names that would mean two users. */
class ImportClaimsValidationTest {
    private final ImportValidator validator = new ImportValidator();

    private static String user(String username, String extra) {
        return "  - username: " + username + "\n    password: pw\n" + extra.indent(4);
    }

    private List<String> problems(String users) {
        InvalidImportException e = assertThrows(InvalidImportException.class,
                () -> validator.validate(ImportFile.parse("users:\n" + users)));
        return e.problems();
    }

    private static void assertMentions(List<String> problems, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(problems.stream().anyMatch(p -> p.contains(fragment)), fragment + " in " + problems);
        }
    }

    @Test
    void everyStandardClaimIsATopLevelKeyAndIsKeptAsTheClaim() {
        ImportFile file = ImportFile.parse("users:\n" + user("alice", """
                given_name: Alice
                family_name: Zhang
                middle_name: Q
                nickname: Ali
                preferred_username: alice.z
                profile: https://people.example.edu/alice
                picture: https://people.example.edu/alice.png
                website: http://alice.example.edu/
                gender: female
                birthdate: 2001-09-30
                zoneinfo: Asia/Shanghai
                locale: zh-CN
                email_verified: true
                phone_number_verified: false
                address:
                  street_address: 1 College Rd
                  locality: Hangzhou
                  postal_code: "310000"
                  country: CN"""));
        validator.validate(file);
        Map<String, Object> claims = file.users().get(0).standardClaims();
        assertEquals(15, claims.size());
        assertEquals("Alice", claims.get("given_name"));
        assertEquals("2001-09-30", claims.get("birthdate"));
        assertEquals(true, claims.get("email_verified"));
        assertEquals(Map.of("street_address", "1 College Rd", "locality", "Hangzhou", "postal_code", "310000",
                "country", "CN"), claims.get("address"));
    }

    @Test
    void aYearAloneIsABirthdate() {
        validator.validate(ImportFile.parse("users:\n" + user("alice", "birthdate: 2001")));
        assertEquals("2001", ImportFile.parse("users:\n" + user("alice", "birthdate: 2001")).users().get(0)
                .birthdate());
    }

    @Test
    void badValuesAreNamedWithTheRule() {
        List<String> problems = problems(user("alice", """
                birthdate: 30/09/2001
                zoneinfo: China Standard Time
                locale: zh_CN
                picture: javascript:alert(1)
                website: alice.example.edu
                given_name: ""
                updated_at: 2026-01-01
                address:
                  street: 1 College Rd
                  postal_code: 310000"""));
        assertMentions(problems, "users[0] (alice): birthdate '30/09/2001' must be YYYY-MM-DD or YYYY",
                "zoneinfo 'China Standard Time' is not a time zone", "locale 'zh_CN' is not a BCP 47",
                "picture 'javascript:alert(1)' must be an http(s) URL", "website 'alice.example.edu' must be",
                "given_name is empty", "updated_at is kept by Lanyard", "address.street is not an address field",
                "address.postal_code must be text");
        assertEquals(9, problems.size(), problems.toString());
    }

    @Test
    void anImpossibleDateAndAWrongTypeAreRefused() {
        assertMentions(problems(user("alice", "birthdate: 2001-02-30")), "birthdate '2001-02-30'");
        assertMentions(problems(user("alice", "email_verified: [yes]")), "users[0].email_verified");
        assertMentions(problems(user("alice", "address: Hangzhou")), "users[0].address");
    }

    @Test
    void oneEmailOnTwoUsersIsRefusedNamingBoth() {
        List<String> problems = problems(user("alice", "email: Alice@Example.edu")
                + user("bob", "email: alice@example.edu"));
        assertEquals(List.of("users[1] (bob): email 'alice@example.edu' is also the email of users[0] (alice);"
                + " a login name must mean one user"), problems);
    }

    @Test
    void oneEmployeeNumberOnTwoUsersIsRefused() {
        assertMentions(problems(user("alice", "attributes: {employeeNumber: '2024001'}")
                        + user("bob", "attributes: {employeeNumber: '2024001'}")),
                "users[1] (bob): employeeNumber '2024001' is also the employeeNumber of users[0] (alice)");
    }

    @Test
    void aLoginValueEqualToAnotherUsersUsernameIsRefused() {
        assertMentions(problems(user("alice", "") + user("bob", "email: ALICE")),
                "users[1] (bob): email 'alice' is also the username of users[0] (alice)");
        assertMentions(problems(user("bob", "attributes: {employeeNumber: '2024001'}") + user("2024001", "")),
                "users[1] (2024001): username '2024001' is also the employeeNumber of users[0] (bob)");
    }

    @Test
    void onlyConfiguredAttributesMustBeUnambiguousAndOneUsersOwnValuesMayRepeat() {
        ImportFile shared = ImportFile.parse("users:\n" + user("alice", "attributes: {room: '101'}\nemail: alice")
                + user("bob", "attributes: {room: '101'}"));
        validator.validate(shared);
        assertThrows(InvalidImportException.class, () -> validator.validate(shared, List.of("username", "room")));
    }
}
