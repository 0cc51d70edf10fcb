package edu.lanyard.directory.importing;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Structural problems of an import file are one line each: where, what, and the key a misspelt one meant. */
class ImportErrorLinesTest {

    private static List<String> problems(String yaml) {
        return assertThrows(InvalidImportException.class, () -> ImportFile.parse(yaml)).problems();
    }

    @Test
    void swappedLettersAreOneSlip() {
        assertEquals(1, DidYouMean.distance("emial", "email"));
        assertEquals(1, DidYouMean.distance("usrname", "username"));
        assertEquals(0, DidYouMean.distance("", ""));
        assertEquals(5, DidYouMean.distance("", "email"));
        assertEquals(3, DidYouMean.distance("kitten", "sitting"));
    }

    @Test
    void suggestsTheClosestKnownNameOnlyWhenItIsClose() {
        List<String> known = ImportKeys.USER;
        assertEquals(Optional.of("email"), DidYouMean.closest("emial", known));
        assertEquals(Optional.of("email"), DidYouMean.closest("Email", known), "case does not count");
        assertEquals(Optional.of("attributes"), DidYouMean.closest("atributes", known));
        assertEquals(Optional.empty(), DidYouMean.closest("department", known), "nothing close: no guess");
        assertEquals(Optional.of("redirect_uris"), DidYouMean.closest("redirect_uri", ImportKeys.CLIENT));
        assertEquals(Optional.of("users"), DidYouMean.closest("user", ImportKeys.TOP_LEVEL));
    }

    @Test
    void aMisspeltUserKeyIsOneLineWithItsPathAndTheKeyItMeant() {
        List<String> problems = problems("""
                users:
                  - username: alice
                    password: a-password
                  - username: bob
                    password: b-password
                  - username: carol
                    password: c-password
                    emial: carol@example.edu
                """);
        assertEquals(List.of("users[2].emial: unknown key, did you mean \"email\"?"), problems);
    }

    @Test
    void everyUnknownKeyIsReportedAtOnceAtEveryLevel() {
        List<String> problems = problems("""
                client:
                  - client_id: x
                clients:
                  - client_id: app
                    client_secret: s
                    grant_type: [client_credentials]
                users:
                  - username: u
                    password: p
                    department: physics
                """);
        assertEquals(3, problems.size(), String.join("\n", problems));
        assertEquals("client: unknown key, did you mean \"clients\"?", problems.get(0));
        assertEquals("clients[0].grant_type: unknown key, did you mean \"grant_types\"?", problems.get(1));
        assertTrue(problems.get(2).startsWith("users[0].department: unknown key; known here: username, password"),
                problems.get(2));
    }

    @Test
    void aSingleEntryWithoutTheListIsCheckedToo() {
        assertEquals(List.of("users[0].pasword: unknown key, did you mean \"password\"?"),
                problems("users:\n  username: u\n  pasword: p\n"));
    }

    @Test
    void aValueOfTheWrongTypeIsNamedWithoutQuotingIt() {
        List<String> problems = problems(ImportFilesText.client("client_secret: s\naccess_token_ttl: [1, 2]"));
        assertEquals(List.of("clients[0].access_token_ttl: must be a whole number"), problems);
        List<String> secret = problems("users:\n  - username: u\n    password: {very: secret-value}\n");
        assertEquals(List.of("users[0].password: must be text"), secret);
        assertFalse(secret.get(0).contains("secret-value"));
    }

    @Test
    void theWholeFileMustBeAMap() {
        assertEquals(List.of("top level: the file must be a map with clients:, users: and/or services:, not a list"),
                problems("- username: u\n"));
    }

    @Test
    void noProblemEverSpansLines() {
        for (String yaml : List.of("clients: [\n", "users:\n  - username: u\n    emial: x\n",
                "clients:\n  - client_id: a\n    scopes: {a: b}\n", "users: 3\n", "- a\n")) {
            InvalidImportException e = assertThrows(InvalidImportException.class, () -> ImportFile.parse(yaml));
            e.problems().forEach(problem -> assertFalse(problem.contains("\n"), problem));
        }
    }

    @Test
    void theSummarySaysWhatWasCreatedAndWhatUpdated() {
        assertEquals("imported 3 clients (1 created, 2 updated) and 120 users (100 created, 20 updated)",
                new ImportResult(3, 120, 1, 100).summary());
        assertEquals("imported 1 client (1 created, 0 updated) and 0 users (0 created, 0 updated)",
                new ImportResult(1, 0).summary());
    }

    /** A client entry with the given extra lines. */
    private static final class ImportFilesText {
        static String client(String body) {
            return "clients:\n  - client_id: app\n" + body.indent(4);
        }
    }
}
