package edu.lanyard.authorize;

import edu.lanyard.dialects.http.HttpRequestParams;

import com.code_intelligence.jazzer.junit.FuzzTest;
import edu.lanyard.dialects.ProductDialects;
import edu.lanyard.core.domain.AccessTokenFormat;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.domain.GrantType;
import edu.lanyard.core.domain.RedirectUriMatch;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.error.OAuthException;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.core.token.Pkce;
import edu.lanyard.core.token.Scopes;
import edu.lanyard.devkit.fuzz.WireRequest;
import io.vertx.core.MultiMap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The authorization request checks over any request, for every dialect, with clients registered as the products'
 * documents show them (EXACT, PREFIX and REGEX redirect URIs, public and confidential). An input is a request as
 * {@link WireRequest} writes it (GET reads the query, POST the query and the form, as the endpoint does); seeds:
 * {@code AuthorizationRequestParserFuzzTestInputs}; {@code perf/fuzz.sh} fuzzes.
 *
 * <p>Invariants: the parser throws only AuthorizationFailure, as a page with a 4xx status or a redirect with a 4xx
 * error, and a redirect goes only to a redirect URI the client registered; an accepted request is one Lanyard can
 * answer safely (known response type, no tokens in a query, granted scope within the client's, PKCE well formed and
 * required of public clients, nonce with id_token, known prompts, non-negative max_age).
 */
class AuthorizationRequestParserFuzzTest {
    private static final Map<String, Client> CLIENTS = new LinkedHashMap<>();
    private static final AuthorizationRequestParser PARSER =
            new AuthorizationRequestParser(id -> Optional.ofNullable(CLIENTS.get(id)));
    private static final Map<String, String> DIALECT_DEFAULT_RESPONSE_TYPES = new LinkedHashMap<>();
    private static final Set<Set<String>> RESPONSE_TYPES = Set.of(
            Set.of("code"), Set.of("token"), Set.of("id_token"), Set.of("code", "id_token"),
            Set.of("id_token", "token"), Set.of("code", "token"), Set.of("code", "id_token", "token"));
    private static final Set<String> RESPONSE_MODES = Set.of("query", "fragment", "form_post");

    static {
        client("xxx", true, RedirectUriMatch.EXACT, List.of("http://callback"),
                Set.of(GrantType.AUTHORIZATION_CODE, GrantType.IMPLICIT), List.of("profile", "openid"));
        client("QPKKKSADFUP876", true, RedirectUriMatch.PREFIX, List.of("http://apphost:appport/app/callback"),
                Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN),
                List.of("openid", "profile", "email", "phone"));
        client("YOUR_CLIENT_ID", true, RedirectUriMatch.PREFIX, List.of("https://app.maxkey.org/app/callback"),
                Set.of(GrantType.AUTHORIZATION_CODE, GrantType.IMPLICIT), List.of("openid", "profile"));
        client("20180901", true, RedirectUriMatch.REGEX,
                List.of("^http://127\\.0\\.0\\.1:8080/.*", "^https?://www\\.baidu\\.com(/.*)?"),
                Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN), List.of());
        client("sso_admin_client", true, RedirectUriMatch.PREFIX, List.of("http://127.0.0.1:8800/admin/index.php"),
                Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN), List.of("profile"));
        client("ufsso_dcux_portal", false, RedirectUriMatch.PREFIX, List.of("http://127.0.0.1:8800/index.html"),
                Set.of(GrantType.AUTHORIZATION_CODE, GrantType.IMPLICIT), List.of("profile"));
        client("spa", false, RedirectUriMatch.EXACT,
                List.of("https://spa.example.edu/cb", "https://spa.example.edu/silent"),
                Set.of(GrantType.AUTHORIZATION_CODE, GrantType.IMPLICIT), List.of("openid", "profile", "email"));
        DIALECT_DEFAULT_RESPONSE_TYPES.put("standard", null);
        ProductDialects.NAMES.forEach(name -> DIALECT_DEFAULT_RESPONSE_TYPES.put(name,
                ProductDialects.create(name, "", Map.of()).defaultResponseType()));
    }

    private static void client(String id, boolean confidential, RedirectUriMatch match, List<String> redirectUris,
                               Set<GrantType> grants, List<String> scopes) {
        CLIENTS.put(id, new Client(id, id, confidential ? "sha256$c2FsdA$aGFzaA" : null, redirectUris, match,
                grants, scopes, 3600, 86400, 60, AccessTokenFormat.OPAQUE, true, false, "RS256", List.of(),
                "standard", Map.of()));
    }

    @FuzzTest
    void parse(byte[] input) {
        WireRequest wire = WireRequest.parse(input);
        Optional<MultiMap> form = wire.form();
        if (form.isEmpty()) {
            return; // Vert.x answers 400 before any handler sees the request
        }
        Function<RequestParams.Source, MultiMap> decoded = source ->
                source == RequestParams.Source.QUERY ? wire.query() : form.get();
        RequestParams params;
        try {
            params = HttpRequestParams.from(decoded, wire.isPost()
                    ? List.of(RequestParams.Source.QUERY, RequestParams.Source.FORM)
                    : List.of(RequestParams.Source.QUERY));
        } catch (OAuthException e) {
            assertEquals(400, e.error().status(), "an undecodable query is the client's fault");
            return;
        }
        DIALECT_DEFAULT_RESPONSE_TYPES.forEach((dialect, defaultResponseType) -> {
            AuthorizationRequestParser.Parsed parsed;
            try {
                parsed = PARSER.parse(params, dialect, defaultResponseType);
            } catch (AuthorizationFailure.Exception e) {
                checkFailure(e.failure(), params, dialect);
                return;
            } catch (RuntimeException e) {
                throw new AssertionError(dialect + ": unexpected " + e.getClass().getName(), e);
            }
            checkAccepted(parsed, params, dialect);
        });
    }

    private static void checkFailure(AuthorizationFailure failure, RequestParams params, String dialect) {
        if (failure instanceof AuthorizationFailure.ShowPage page) {
            assertNotNull(page.errorCode(), dialect);
            assertClientStatus(page.kind().status(), dialect + " " + page);
        } else if (failure instanceof AuthorizationFailure.Redirect redirect) {
            OAuthError error = redirect.error();
            assertNotNull(error.error(), dialect);
            assertClientStatus(error.status(), dialect + " " + error);
            AuthorizationRequest request = redirect.request();
            Client client = CLIENTS.get(request.clientId());
            assertNotNull(client, dialect + ": an unknown client gets a page, never a redirect");
            assertTrusted(client, request, params, dialect);
            assertTrue(RESPONSE_MODES.contains(request.responseMode()), dialect + " " + request.responseMode());
        } else {
            fail(dialect + ": unknown failure " + failure);
        }
    }

    private static void checkAccepted(AuthorizationRequestParser.Parsed parsed, RequestParams params,
                                      String dialect) {
        Client client = parsed.client();
        AuthorizationRequest request = parsed.request();
        assertEquals(client, CLIENTS.get(request.clientId()), dialect);
        assertEquals(dialect, request.dialect());
        assertTrusted(client, request, params, dialect);
        Set<String> types = request.responseTypes();
        assertTrue(RESPONSE_TYPES.contains(types), dialect + " " + types);
        assertTrue(RESPONSE_MODES.contains(request.responseMode()), dialect + " " + request.responseMode());
        if (types.contains("token") || types.contains("id_token")) {
            assertFalse("query".equals(request.responseMode()), dialect + ": tokens never go in a query");
        }
        if (types.contains("code")) {
            assertTrue(client.allows(GrantType.AUTHORIZATION_CODE), dialect);
        }
        if (types.contains("token")) {
            assertTrue(client.allows(GrantType.IMPLICIT), dialect);
        }
        assertTrue(client.scopes().containsAll(Scopes.parse(request.scope())),
                dialect + ": granted " + request.scope() + " of " + client.scopes());
        if (types.contains("id_token")) {
            assertTrue(Scopes.contains(request.scope(), "openid"), dialect);
            assertNotNull(request.nonce(), dialect);
        }
        if (request.codeChallenge() != null) {
            assertTrue(Pkce.wellFormed(request.codeChallenge()), dialect);
            assertTrue(Set.of("S256", "plain").contains(request.codeChallengeMethod()), dialect);
        } else {
            assertEquals(null, request.codeChallengeMethod(), dialect);
            assertFalse(client.isPublic() && types.contains("code"), dialect + ": public clients use PKCE");
        }
        assertTrue(request.maxAge() == null || request.maxAge() >= 0, dialect);
        Set<String> prompts = Scopes.parse(request.prompt());
        assertTrue(Set.of("none", "login", "consent", "select_account").containsAll(prompts), dialect);
        assertFalse(prompts.contains("none") && prompts.size() > 1, dialect);
        if ("standard".equals(dialect)) {
            assertTrue(params.repeated().isEmpty(), "the standard dialect refuses repeated parameters");
        }
    }

    /** A redirect goes to a URI the client registered: the one requested if it matches, else the only one. */
    private static void assertTrusted(Client client, AuthorizationRequest request, RequestParams params,
                                      String dialect) {
        String requested = params.firstOrNull("redirect_uri");
        if (requested != null) {
            assertEquals(requested, request.redirectUri(), dialect);
            assertTrue(client.acceptsRedirectUri(requested), dialect + ": " + requested + " is registered");
            assertTrue(request.redirectUriGiven(), dialect);
        } else {
            assertEquals(List.of(request.redirectUri()), client.redirectUris(),
                    dialect + ": without redirect_uri only a client's single URI is used");
            assertFalse(request.redirectUriGiven(), dialect);
        }
    }

    private static void assertClientStatus(int status, String what) {
        assertTrue(status >= 400 && status < 500, what + " must be a client error");
    }
}
