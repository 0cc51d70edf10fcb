package edu.lanyard.directory.importing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** docs/dialects.md C.2: a MaxKey registration kept several redirect URIs in one comma-separated string. */
class CommaListedRedirectUrisTest {
    private final ImportValidator validator = new ImportValidator();

    private static ImportFile file(String dialect, String redirectUris, String extra) {
        return ImportFile.parse("clients:\n  - client_id: app\n    client_secret: s\n    dialect: " + dialect
                + "\n    redirect_uris: " + redirectUris + "\n" + extra);
    }

    @Test
    void aMaxKeyStringWithCommasIsSeveralUris() {
        ImportFile file = file("maxkey", "\"http://a.example/cb, http://b.example:8080/cb,http://c.example/\"", "");
        validator.validate(file);
        assertEquals(List.of("http://a.example/cb", "http://b.example:8080/cb", "http://c.example/"),
                file.clients().get(0).redirectUris());
        ImportFile derivative = file("authz", "[\"http://a.example/cb,http://b.example/cb\", http://d.example/]", "");
        assertEquals(List.of("http://a.example/cb", "http://b.example/cb", "http://d.example/"),
                derivative.clients().get(0).redirectUris());
    }

    @Test
    void eachListedUriIsValidatedOnItsOwn() {
        InvalidImportException e = assertThrows(InvalidImportException.class, () -> validator.validate(
                file("maxkey", "\"http://a.example/cb,not a uri,,http://b.example/cb\"", "")));
        String all = String.join("\n", e.problems());
        assertContains(all, "redirect_uris[1] 'not a uri'");
        assertContains(all, "redirect_uris[2] is empty");
    }

    @Test
    void otherDialectsAndRegexEntriesAreNotSplit() {
        assertEquals(List.of("http://a.example/cb?x=1,2"),
                file("standard", "\"http://a.example/cb?x=1,2\"", "").clients().get(0).redirectUris());
        assertEquals(List.of("^https://a\\.example/.{1,20}$"), file("maxkey", "'^https://a\\.example/.{1,20}$'",
                "    redirect_uri_match: regex\n").clients().get(0).redirectUris());
    }

    private static void assertContains(String all, String fragment) {
        if (!all.contains(fragment)) {
            throw new AssertionError("expected '" + fragment + "' in:\n" + all);
        }
    }
}
