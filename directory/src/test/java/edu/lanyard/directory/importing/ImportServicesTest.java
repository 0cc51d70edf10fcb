package edu.lanyard.directory.importing;

import edu.lanyard.core.cas.CasService;
import edu.lanyard.core.domain.RedirectUriMatch;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The import's {@code services:}: the CAS service registry, its one-line errors and its defaults. */
class ImportServicesTest {
    private static List<String> problems(String yaml) {
        InvalidImportException e = assertThrows(InvalidImportException.class,
                () -> new ImportValidator().validate(ImportFile.parse(yaml)));
        return e.problems();
    }

    @Test
    void aServiceWithDefaults() {
        ImportFile file = ImportFile.parse("""
                services:
                  - id: portal
                    service: https://portal.example.edu/
                    match: prefix
                """);
        new ImportValidator().validate(file);
        CasService service = ServiceValidator.toService(file.services().get(0));
        assertEquals(RedirectUriMatch.PREFIX, service.match());
        assertNull(service.attributes(), "all attributes by default");
        assertFalse(service.proxy());
        assertEquals(CasService.LogoutType.BACK_CHANNEL, service.logoutType());
        assertTrue(service.accepts("https://portal.example.edu/app/login"));
        assertFalse(service.accepts("https://portal.example.edu.evil.com/"));
    }

    @Test
    void everyFieldIsRead() {
        ImportFile file = ImportFile.parse("""
                services:
                  - id: library
                    name: Library
                    service: ^https://lib\\.example\\.edu/.*$
                    match: regex
                    attributes: [email, name]
                    proxy: {allowed: true, pgt_url: "^https://lib\\\\.example\\\\.edu/pgt$"}
                    logout_url: https://lib.example.edu/slo
                    logout_type: front_channel
                """);
        new ImportValidator().validate(file);
        CasService service = ServiceValidator.toService(file.services().get(0));
        assertEquals(List.of("email", "name"), service.attributes());
        assertTrue(service.proxy());
        assertEquals("^https://lib\\.example\\.edu/pgt$", service.pgtUrl());
        assertEquals(CasService.LogoutType.FRONT_CHANNEL, service.logoutType());
        assertTrue(service.accepts("https://lib.example.edu/cas"));
    }

    @Test
    void aMisspeltKeyIsOneLineWithDidYouMean() {
        assertEquals(List.of("services[0].logout_tpye: unknown key, did you mean \"logout_type\"?"),
                problems("services:\n  - id: a\n    service: https://a.example.edu/\n    logout_tpye: none\n"));
        assertEquals(List.of("services[0].proxy.alowed: unknown key, did you mean \"allowed\"?"),
                problems("services:\n  - id: a\n    service: https://a.example.edu/\n    proxy: {alowed: true}\n"));
    }

    @Test
    void badValuesAreNamed() {
        List<String> problems = problems("""
                services:
                  - id: a
                    service: https://a.example.edu/
                    match: prefx
                  - id: a
                    service: not a url
                  - id: c
                    service: https://c.example.edu/
                    logout_type: backchannel
                """);
        assertEquals(List.of(
                "services[0] (a): match 'prefx' is not one of exact, prefix, regex, did you mean \"prefix\"?",
                "services[1] (a): id appears more than once",
                "services[1] (a): service contains a control character or whitespace",
                "services[2] (c): logout_type 'backchannel' is not one of back_channel, front_channel, none,"
                        + " did you mean \"back_channel\"?"), problems);
    }
}
