package edu.lanyard.directory.importing;

import edu.lanyard.core.domain.AccessTokenFormat;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.domain.GrantType;
import edu.lanyard.core.domain.RedirectUriMatch;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportValidationTest {
    private final ImportValidator validator = new ImportValidator();

    private static String client(String body) {
        return "clients:\n  - client_id: app\n" + body.indent(4);
    }

    private List<String> problems(String yaml) {
        InvalidImportException e = assertThrows(InvalidImportException.class,
                () -> validator.validate(ImportFile.parse(yaml)));
        return e.problems();
    }

    private static void assertMentions(List<String> problems, String... fragments) {
        String all = String.join("\n", problems);
        for (String fragment : fragments) {
            assertTrue(all.contains(fragment), "expected '" + fragment + "' in:\n" + all);
        }
    }

    @Test
    void aMisspeltDialectOptionIsNamedWithTheOptionsTheDialectKnows() {
        List<String> problems = problems("""
                clients:
                  - client_id: first
                    client_secret: s
                    dialect: cas
                    redirect_uris: ['^https://app\\.example\\.edu/.*$']
                    options: {idAttribute: id}
                  - client_id: second
                    client_secret: s
                    dialect: cas
                    redirect_uris: ['^https://app\\.example\\.edu/.*$']
                    options: {profileVeiw: flat, profileServiceKeys: perhaps, errorFormat: json}
                """);
        assertEquals(List.of(
                "clients[1].options: unknown option \"profileVeiw\" (did you mean \"profileView\"?); known: "
                        + "accessTokenIdleSeconds, attributeMapping, credentialType, idAttribute, profileFields, profileServiceKeys, "
                        + "profileView, tokenKeyOrder, tokenResponseFormat",
                "clients[1].options: unknown option \"errorFormat\"; known: accessTokenIdleSeconds, attributeMapping, credentialType, "
                        + "idAttribute, profileFields, profileServiceKeys, profileView, tokenKeyOrder, tokenResponseFormat",
                "clients[1].options: option \"profileServiceKeys\" must be true or false, not \"perhaps\""),
                problems);
    }

    @Test
    void eachDialectChecksItsOwnOptionsAndStandardClientsOnlyTheProfileOnes() {
        assertMentions(problems(client("client_secret: s\noptions: {remindIn: true}")),
                "clients[0].options: unknown option \"remindIn\"; known: attributeMapping, profileFields");
        assertMentions(problems(client("client_secret: s\ndialect: phpsso\nredirect_uris: [\"https://a.example/\"]\n"
                        + "options: {implicitDelivery: hash, profileFields: {a: b}}")),
                "clients[0].options: option \"implicitDelivery\" must be one of query, fragment, both, not \"hash\"",
                "clients[0].options: option \"profileFields\" must be a list, not a map");
        assertMentions(problems(client("client_secret: s\ndialect: maxkey\nredirect_uris: [\"https://a.example/\"]\n"
                + "options: {remindIn: }")), "clients[0].options: option \"remindIn\" has no value");
        validator.validate(ImportFile.parse(client("client_secret: s\ndialect: authz\n"
                + "redirect_uris: [\"https://a.example/\"]\noptions: {remindIn: \"true\", attributeMapping: {a: b}}")));
    }

    @Test
    void theSampleFileIsValid() {
        ImportFile file = ImportFile.parse(ImportFiles.sampleYaml());
        validator.validate(file);
        assertEquals(4, file.clients().size());
        assertEquals(2, file.users().size());
        assertEquals("13800000000", file.users().get(0).phone());
        assertEquals("学生", file.users().get(0).attributes().get("role"));
    }

    @Test
    void fillsDefaultsFromTheTokenConfigAndTheDialect() {
        ImportFile file = ImportFile.parse(ImportFiles.sampleYaml());
        Client spa = ImportMapping.toClient(file.clients().get(1), null, ImportFiles.TOKEN_DEFAULTS);
        Client maxkey = ImportMapping.toClient(file.clients().get(2), "hash", ImportFiles.TOKEN_DEFAULTS);
        Client casPublic = ImportMapping.toClient(file.clients().get(3), null, ImportFiles.TOKEN_DEFAULTS);

        assertEquals("spa", spa.name());
        assertEquals(Set.of(GrantType.AUTHORIZATION_CODE), spa.grantTypes());
        assertEquals(RedirectUriMatch.EXACT, spa.redirectUriMatch());
        assertEquals(1800, spa.accessTokenTtl());
        assertEquals(604800, spa.refreshTokenTtl());
        assertEquals(120, spa.codeTtl());
        assertEquals(AccessTokenFormat.OPAQUE, spa.accessTokenFormat());
        assertEquals("RS256", spa.idTokenAlg());
        assertEquals("standard", spa.dialect());
        assertTrue(spa.rotateRefreshTokens());
        assertFalse(spa.requireConsent());

        assertFalse(maxkey.rotateRefreshTokens(),
                "MaxKey clients do not rotate unless asked (docs/products.md decision 8)");
        assertEquals(AccessTokenFormat.JWT, maxkey.accessTokenFormat());
        assertEquals(RedirectUriMatch.PREFIX, maxkey.redirectUriMatch());
        assertEquals(Map.of("profileFields", List.of("username", "department"), "remindIn", true),
                maxkey.options());

        assertTrue(casPublic.rotateRefreshTokens(), "a public client always rotates, whatever its dialect");
    }

    @Test
    void rotationDefaultsFollowDecisionEight() {
        for (String dialect : List.of("maxkey", "authz", "cas", "ketanyun")) {
            assertFalse(ClientDefaults.rotateRefreshTokens(null, dialect, false), dialect);
            assertTrue(ClientDefaults.rotateRefreshTokens(true, dialect, false), dialect);
        }
        for (String dialect : List.of("standard", "phpsso")) {
            assertTrue(ClientDefaults.rotateRefreshTokens(null, dialect, false), dialect);
            assertFalse(ClientDefaults.rotateRefreshTokens(false, dialect, false), dialect);
        }
        assertTrue(ClientDefaults.rotateRefreshTokens(null, null, false));
    }

    @Test
    void namesAnUnknownGrantType() {
        assertMentions(problems(client("client_secret: s\nredirect_uris: [https://a.example/cb]\n"
                + "grant_types: [authorization_code, device_code]")),
                "clients[0] (app)", "unknown grant type 'device_code'");
    }

    @Test
    void redirectingGrantsNeedRedirectUris() {
        assertMentions(problems(client("client_secret: s\ngrant_types: [implicit]")),
                "clients[0] (app)", "need at least one redirect_uris");
        assertMentions(problems(client("client_secret: s")), "need at least one redirect_uris");
        validator.validate(ImportFile.parse(client("client_secret: s\ngrant_types: [client_credentials]")));
    }

    @Test
    void rejectsAnInvalidRegex() {
        assertMentions(problems(client("redirect_uris: ['https://(unclosed.example/cb']\nredirect_uri_match: regex")),
                "redirect_uris[0] 'https://(unclosed.example/cb' is not a valid regular expression");
    }

    @Test
    void rejectsRelativeOrFragmentRedirectUris() {
        assertMentions(problems(client("redirect_uris: [/cb, 'https://a.example/cb#x']")),
                "redirect_uris[0] '/cb' is not an absolute URI", "redirect_uris[1]", "fragment");
    }

    @Test
    void prefixRegistrationsMustNameTheirHost() {
        List<String> problems = problems(client("client_secret: s\nredirect_uri_match: prefix\nredirect_uris: ["
                + "'https://app.', 'https://app.edu.', 'https://*.app.edu/', 'https://user@app.edu/',"
                + " 'com.example.app:/cb', 'https://app.edu/a/../b']"));
        assertMentions(problems, "clients[0] (app): redirect_uris[0] 'https://app.' has an incomplete host name",
                "clients[0] (app): redirect_uris[1] 'https://app.edu.' has an incomplete host name",
                "redirect_uris[2] 'https://*.app.edu/' has no valid host",
                "redirect_uris[3] 'https://user@app.edu/' has user information",
                "redirect_uris[4] 'com.example.app:/cb' is not an absolute http or https URL",
                "redirect_uris[5] 'https://app.edu/a/../b' has a '.' or '..' path segment");
        assertEquals(6, problems.size(), String.join("\n", problems));
        validator.validate(ImportFile.parse(client("client_secret: s\nredirect_uri_match: prefix\n"
                + "redirect_uris: ['https://app.edu', 'https://app.edu/app/', 'http://apphost:8080/cb?tenant=1']")));
    }

    @Test
    void theProductsDefaultPrefixMatchingIsCheckedToo() {
        for (String dialect : List.of("maxkey", "authz", "phpsso")) {
            assertMentions(problems(client("client_secret: s\ndialect: " + dialect
                    + "\nredirect_uris: ['https://app.edu.']")), "'https://app.edu.' has an incomplete host name");
        }
    }

    @Test
    void regexRegistrationsMustSpellOutTheirHost() {
        List<String> problems = problems(client("client_secret: s\ndialect: cas\nredirect_uris: ["
                + "'https://.*\\.edu/.*', '^https://app.edu/.*$', '^https://app\\.edu.*$', '^https://app\\.edu/x|.*',"
                + " '^[a-z]+://app\\.edu/.*$']"));
        assertMentions(problems,
                "clients[0] (app): redirect_uris[0] 'https://.*\\.edu/.*' must start with a literal scheme://host",
                "redirect_uris[1] '^https://app.edu/.*$' must start with a literal scheme://host",
                "redirect_uris[2] '^https://app\\.edu.*$' must start with a literal scheme://host",
                "redirect_uris[3] '^https://app\\.edu/x|.*' must not use '|' outside a group",
                "redirect_uris[4] '^[a-z]+://app\\.edu/.*$' must start with http://, https:// or https?://");
        assertEquals(5, problems.size(), String.join("\n", problems));
        validator.validate(ImportFile.parse(client("client_secret: s\ndialect: cas\nredirect_uris: ["
                + "'^https?://(127\\.0\\.0\\.1:(8080|8700)|www\\.baidu\\.com)(/.*)?$',"
                + " '^https?://app\\.example\\.edu(:\\d+)?/.*$']")));
    }

    @Test
    void aUriWithALineBreakIsReportedOnOneLine() {
        List<String> problems = problems(client("client_secret: s\nredirect_uris: [\"https://app.edu/cb\\r\\nX: 1\"]\n"
                + "post_logout_redirect_uris: [\"https://app.edu/bye\\n\"]"));
        assertMentions(problems,
                "redirect_uris[0] 'https://app.edu/cb[U+000D][U+000A]X: 1' contains a control character",
                "post_logout_redirect_uris[0] 'https://app.edu/bye[U+000A]' contains a control character");
        problems.forEach(problem -> assertFalse(problem.contains("\n") || problem.contains("\r"), problem));
    }

    /** The files shipped with Lanyard and its test suites keep importing under the stricter rules. */
    @Test
    void theShippedImportFilesAreValid() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>(List.of(root.resolve("examples/demo.yaml"),
                root.resolve("perf/bench-clients.yaml")));
        try (Stream<Path> resources = Files.list(root.resolve("launcher/src/test/resources"))) {
            resources.filter(f -> f.toString().endsWith(".yaml")).forEach(files::add);
        }
        assertTrue(files.size() >= 6, files.toString());
        for (Path file : files) {
            validator.validate(ImportFile.parse(Files.readString(file)));
        }
    }

    @Test
    void aPublicClientCannotUseClientCredentialsOrStopRotating() {
        assertMentions(problems(client("grant_types: [client_credentials]")),
                "public client (no client_secret) cannot use client_credentials");
        assertMentions(problems(client("redirect_uris: [https://a.example/cb]\nrotate_refresh_tokens: false")),
                "cannot turn off rotate_refresh_tokens");
    }

    @Test
    void resourceServerIsAConfidentialClientsSwitchOffByDefault() {
        ImportFile file = ImportFile.parse(client("client_secret: s\ngrant_types: [client_credentials]\n"
                + "resource_server: true") + "  - client_id: plain\n    client_secret: s\n"
                + "    grant_types: [client_credentials]\n");
        validator.validate(file);
        assertTrue(ImportMapping.toClient(file.clients().get(0), "hash", ImportFiles.TOKEN_DEFAULTS)
                .resourceServer());
        assertFalse(ImportMapping.toClient(file.clients().get(1), "hash", ImportFiles.TOKEN_DEFAULTS)
                .resourceServer());
        assertMentions(problems(client("redirect_uris: [https://a.example/cb]\nresource_server: true")),
                "clients[0] (app)", "cannot be a resource_server");
    }

    @Test
    void rejectsBadTtls() {
        assertMentions(problems(client("client_secret: s\ngrant_types: [client_credentials]\n"
                        + "access_token_ttl: 0\nrefresh_token_ttl: -5\ncode_ttl: 86400")),
                "access_token_ttl 0 must be between", "refresh_token_ttl -5", "code_ttl 86400");
        assertMentions(problems(client("access_token_ttl: soon")), "clients[0].access_token_ttl");
    }

    @Test
    void rejectsUnknownEnumsAndKeys() {
        assertMentions(problems(client("client_secret: s\ngrant_types: [client_credentials]\n"
                        + "access_token_format: macaroon\nid_token_signed_response_alg: HS256\ndialect: shibboleth\n"
                        + "redirect_uri_match: glob")),
                "access_token_format 'macaroon'", "id_token_signed_response_alg 'HS256'", "dialect 'shibboleth'",
                "redirect_uri_match 'glob'");
        assertMentions(problems(client("redirect_uri: [https://a.example/cb]")),
                "clients[0].redirect_uri: unknown key, did you mean \"redirect_uris\"?");
    }

    @Test
    void attributesMustBeStringsOrListsOfStrings() {
        List<String> problems = problems("users:\n  - username: alice\n    password: p\n"
                + "    attributes: {employeeNumber: 2024001, tags: [a, 1], nested: {x: y}, ok: fine, list: [a, b]}");
        assertMentions(problems, "users[0] (alice): attributes.employeeNumber", "attributes.tags", "attributes.nested");
        assertEquals(3, problems.size(), String.join("\n", problems));
    }

    @Test
    void usersNeedAUniqueUsernameAndAPassword() {
        assertMentions(problems("users:\n  - username: alice\n    password: p\n  - username: alice\n"
                        + "  - password: p\n  - username: has space\n    password: p\n"),
                "users[1] (alice): username appears more than once", "users[1] (alice): password is required",
                "users[2] (null): username is required", "users[3] (has space): username is required");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        List<String> problems = problems("clients:\n  - client_id: a\n    grant_types: [bogus]\n"
                + "  - client_id: a\n    client_secret: s\n    grant_types: [client_credentials]\n  -\n"
                + "users:\n  - username: u\n");
        assertMentions(problems, "clients[0] (a): unknown grant type 'bogus'",
                "clients[1] (a): client_id appears more than once", "clients[2] is empty",
                "users[0] (u): password is required");
    }

    @Test
    void anEmptyFileImportsNothing() {
        ImportFile file = ImportFile.parse("");
        validator.validate(file);
        assertTrue(file.clients().isEmpty() && file.users().isEmpty());
    }

    @Test
    void reportsBrokenYaml() {
        assertMentions(List.of(assertThrows(InvalidImportException.class,
                () -> ImportFile.parse("clients: [\n")).getMessage()), "not valid YAML");
    }
}
