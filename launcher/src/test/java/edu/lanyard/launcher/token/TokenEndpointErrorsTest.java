package edu.lanyard.launcher.token;

import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static edu.lanyard.launcher.token.ClientCredentials.APP;
import static edu.lanyard.launcher.token.ClientCredentials.MACHINE;
import static edu.lanyard.launcher.token.ClientCredentials.SPA;
import static edu.lanyard.launcher.token.ClientCredentials.WEBAPP;
import static edu.lanyard.launcher.token.OAuthAssertions.assertOAuthError;
import static edu.lanyard.launcher.token.OAuthAssertions.assertTokenResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** RFC 6749 §5.2 for every grant of {@code POST /oauth2/token}, and client authentication (§2.3). */
class TokenEndpointErrorsTest {
    private static final LanyardTestServer server = LanyardTestServer.sharedTokens();
    private static final OAuthEndpoints oauth = new OAuthEndpoints(server);

    /** One valid-looking request per grant; every field is required unless listed as optional. */
    enum GrantRequest {
        CLIENT_CREDENTIALS(APP, WEBAPP, List.of("scope"), "grant_type", "client_credentials",
                "scope", "reports.read"),
        PASSWORD(APP, MACHINE, List.of("scope"), "grant_type", "password", "username", "tess", "password",
                "tess-pass", "scope", "openid"),
        REFRESH_TOKEN(APP, MACHINE, List.of("scope"), "grant_type", "refresh_token", "refresh_token",
                "made-up-refresh-token", "scope", "openid"),
        AUTHORIZATION_CODE(WEBAPP, APP, List.of("redirect_uri", "code_verifier"), "grant_type",
                "authorization_code", "code", "made-up-code", "redirect_uri", "http://127.0.0.1:9999/cb",
                "code_verifier", "a".repeat(43));

        final ClientCredentials client;
        /** A client that is not allowed this grant. */
        final ClientCredentials notAllowed;
        final List<String> optional;
        final String[] fields;

        GrantRequest(ClientCredentials client, ClientCredentials notAllowed, List<String> optional,
                     String... fields) {
            this.client = client;
            this.notAllowed = notAllowed;
            this.optional = optional;
            this.fields = fields;
        }

        List<String> names() {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < fields.length; i += 2) {
                names.add(fields[i]);
            }
            return names;
        }

        String[] without(String name) {
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < fields.length; i += 2) {
                if (!fields[i].equals(name)) {
                    kept.add(fields[i]);
                    kept.add(fields[i + 1]);
                }
            }
            return kept.toArray(String[]::new);
        }

        String[] with(String name, String value) {
            List<String> all = new ArrayList<>(Arrays.asList(without(name)));
            all.add(name);
            all.add(value);
            return all.toArray(String[]::new);
        }

        String[] repeating(String name) {
            List<String> all = new ArrayList<>(Arrays.asList(fields));
            for (int i = 0; i < fields.length; i += 2) {
                if (fields[i].equals(name)) {
                    all.add(name);
                    all.add(fields[i + 1]);
                }
            }
            return all.toArray(String[]::new);
        }
    }

    @ParameterizedTest
    @EnumSource(GrantRequest.class)
    void missingRequiredParameterIsInvalidRequest(GrantRequest grant) {
        for (String name : grant.names()) {
            if (grant.optional.contains(name) || name.equals("scope")) {
                continue;
            }
            assertOAuthError(oauth.token(grant.client, grant.without(name)), 400, "invalid_request");
            assertOAuthError(oauth.token(grant.client, grant.with(name, "")), 400, "invalid_request");
        }
    }

    @ParameterizedTest
    @EnumSource(GrantRequest.class)
    void everyDuplicatedParameterIsInvalidRequest(GrantRequest grant) {
        for (String name : grant.names()) {
            assertOAuthError(oauth.token(grant.client, grant.repeating(name)), 400, "invalid_request");
        }
        String[] postedTwice = OAuthEndpoints.concat(OAuthEndpoints.withPostCredentials(grant.client, grant.fields),
                new String[]{"client_id", grant.client.id()});
        assertOAuthError(oauth.post("/oauth2/token", null, postedTwice), 400, "invalid_request");
    }

    @ParameterizedTest
    @EnumSource(GrantRequest.class)
    void wrongSecretIsInvalidClientWithChallenge(GrantRequest grant) {
        ClientCredentials wrong = grant.client.withSecret("not-the-secret");
        assertOAuthError(oauth.token(wrong, grant.fields), 401, "invalid_client");
        assertOAuthError(oauth.tokenPost(wrong, grant.fields), 401, "invalid_client");
        assertOAuthError(oauth.tokenPost(grant.client.withSecret(null), grant.fields), 401, "invalid_client");
    }

    @ParameterizedTest
    @EnumSource(GrantRequest.class)
    void unknownClientIsInvalidClient(GrantRequest grant) {
        ClientCredentials unknown = new ClientCredentials("nobody", "whatever-secret");
        Http.Reply basic = oauth.token(unknown, grant.fields);
        assertOAuthError(basic, 401, "invalid_client");
        assertEquals("Basic", basic.header("WWW-Authenticate").split(" ")[0], basic.header("WWW-Authenticate"));
        assertOAuthError(oauth.tokenPost(unknown, grant.fields), 401, "invalid_client");
        assertOAuthError(oauth.post("/oauth2/token", null, grant.fields), 401, "invalid_client");
    }

    @ParameterizedTest
    @EnumSource(GrantRequest.class)
    void twoAuthenticationMethodsAtOnceAreInvalidRequest(GrantRequest grant) {
        String[] posted = OAuthEndpoints.withPostCredentials(grant.client, grant.fields);
        assertOAuthError(oauth.post("/oauth2/token", grant.client.basic(), posted), 400, "invalid_request");
    }

    @ParameterizedTest
    @EnumSource(GrantRequest.class)
    void grantNotRegisteredForTheClientIsUnauthorizedClient(GrantRequest grant) {
        assertOAuthError(oauth.token(grant.notAllowed, grant.fields), 400, "unauthorized_client");
    }

    @Test
    void scopeOutsideTheClientsIsInvalidScope() {
        assertOAuthError(oauth.token(APP, "grant_type", "client_credentials", "scope", "reports.read admin"),
                400, "invalid_scope");
        assertOAuthError(oauth.token(APP, "grant_type", "password", "username", "tess", "password", "tess-pass",
                "scope", "openid reports.delete"), 400, "invalid_scope");
        assertOAuthError(oauth.token(MACHINE, "grant_type", "client_credentials", "scope", "openid"),
                400, "invalid_scope");
    }

    @Test
    void scopeTokensAreSpaceDelimitedOnly() {
        // RFC 6749 §3.3: '+' is an ordinary scope character once the form is decoded, not a delimiter.
        assertOAuthError(oauth.token(APP, "grant_type", "client_credentials", "scope",
                "reports.read+reports.write"), 400, "invalid_scope");
    }

    @Test
    void unknownOrUnsupportedGrantTypeIsUnsupportedGrantType() {
        for (String type : List.of("urn:example:grant", "implicit", "token", "PASSWORD",
                "urn:ietf:params:oauth:grant-type:device_code")) {
            assertOAuthError(oauth.token(APP, "grant_type", type), 400, "unsupported_grant_type");
        }
    }

    @Test
    void missingGrantTypeIsInvalidRequest() {
        assertOAuthError(oauth.token(APP, "scope", "reports.read"), 400, "invalid_request");
        assertOAuthError(oauth.token(APP), 400, "invalid_request");
    }

    @Test
    void wrongPasswordIsInvalidGrant() {
        assertOAuthError(oauth.token(APP, "grant_type", "password", "username", "target", "password", "wrong"),
                400, "invalid_grant");
        assertOAuthError(oauth.token(APP, "grant_type", "password", "username", "no-such-user", "password", "x"),
                400, "invalid_grant");
    }

    @Test
    void unknownCodeAndRefreshTokenAreInvalidGrant() {
        assertOAuthError(oauth.token(APP, "grant_type", "refresh_token", "refresh_token", TokenStrings.random(32)),
                400, "invalid_grant");
        assertOAuthError(oauth.token(WEBAPP, "grant_type", "authorization_code", "code", TokenStrings.random(32),
                "redirect_uri", "http://127.0.0.1:9999/cb"), 400, "invalid_grant");
    }

    @Test
    void basicCredentialsAreFormUrlEncodedBeforeBase64() {
        // RFC 6749 §2.3.1, with ':', '+', '%', '/', '&', '=', a space and non-ASCII in the id and the secret.
        ClientCredentials odd = ClientCredentials.ODD;
        assertTokenResponse(oauth.token(odd, "grant_type", "client_credentials"));
        assertTokenResponse(oauth.tokenPost(odd, "grant_type", "client_credentials"));
        String raw = "Basic " + Base64.getEncoder().encodeToString((odd.id() + ":" + odd.secret())
                .getBytes(StandardCharsets.UTF_8));
        assertOAuthError(oauth.post("/oauth2/token", raw, "grant_type", "client_credentials"), 401,
                "invalid_client");
    }

    @Test
    void malformedBasicCredentialsAreInvalidClient() {
        for (String header : List.of("Basic !!!not-base64!!!", "Basic " + b64("no-colon"), "Basic " + b64(":x"),
                "Basic " + b64("app:%zz"), "Basic ", "basic " + b64("app:wrong"))) {
            assertOAuthError(oauth.post("/oauth2/token", header, "grant_type", "client_credentials"), 401,
                    "invalid_client");
        }
    }

    @Test
    void basicWithMatchingPostedClientIdIsAccepted() {
        assertTokenResponse(oauth.post("/oauth2/token", APP.basic(), "grant_type", "client_credentials",
                "client_id", APP.id()));
        assertOAuthError(oauth.post("/oauth2/token", APP.basic(), "grant_type", "client_credentials",
                "client_id", MACHINE.id()), 400, "invalid_request");
    }

    @Test
    void publicClientPresentingASecretIsInvalidClient() {
        assertOAuthError(oauth.tokenPost(SPA.withSecret("guess"), "grant_type", "refresh_token", "refresh_token",
                "x"), 401, "invalid_client");
        Http.Reply named = oauth.tokenPost(SPA, "grant_type", "refresh_token", "refresh_token", "x");
        assertOAuthError(named, 400, "invalid_grant");
    }

    @Test
    void errorsAreNeverCachedAndSayWhichParameter() {
        Http.Reply reply = oauth.token(APP, "grant_type", "password", "password", "x");
        assertNotNull(assertOAuthError(reply, 400, "invalid_request").getString("error_description"));
        assertEquals("no-cache", reply.header("Pragma"));
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
