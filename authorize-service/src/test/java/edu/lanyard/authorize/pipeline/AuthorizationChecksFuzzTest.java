package edu.lanyard.authorize.pipeline;

import com.code_intelligence.jazzer.junit.FuzzTest;
import edu.lanyard.authorize.AuthorizationRequest;
import edu.lanyard.authorize.FrontChannelDialect;
import edu.lanyard.authorize.ProductFrontChannel;
import edu.lanyard.authorize.responsemode.ResponseModes;
import edu.lanyard.core.domain.AccessTokenFormat;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.domain.GrantType;
import edu.lanyard.core.domain.RedirectUriMatch;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.error.OAuthException;
import edu.lanyard.core.metrics.SignInMeters;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.core.token.Pkce;
import edu.lanyard.core.token.Scopes;
import edu.lanyard.devkit.fuzz.WireRequest;
import edu.lanyard.dialects.ProductDialects;
import edu.lanyard.dialects.http.EdgeErrors;
import edu.lanyard.dialects.http.HttpRequestParams;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every authorize pipeline (standard and each product's) over any request, with clients registered as the products'
 * documents show them (EXACT, PREFIX and REGEX redirect URIs, public and confidential) and a signed-in browser. An
 * input is a request as {@link WireRequest} writes it (GET reads the query, POST the query and the form, as the
 * endpoint does); seeds: {@code AuthorizationChecksFuzzTestInputs}; {@code perf/fuzz.sh} fuzzes.
 *
 * <p>Invariants: a run never fails; an error is a page with a 4xx status or a redirect with a 4xx error, and a
 * redirect goes only to a redirect URI the client registered; a request that reaches the login form, the consent
 * form or the answer is one Lanyard can answer safely (known response type, no tokens in a query unless the
 * product put them there, granted scope within the client's, PKCE well formed and required of public clients, nonce
 * with id_token, known prompts, non-negative max_age).
 */
class AuthorizationChecksFuzzTest {
    private static final Map<String, Client> CLIENTS = new LinkedHashMap<>();
    private static final Map<String, FrontChannelDialect> DIALECTS = new LinkedHashMap<>();
    private static final String COOKIE = "cookie-value";
    private static final Set<Set<String>> RESPONSE_TYPES = Set.of(
            Set.of("code"), Set.of("token"), Set.of("id_token"), Set.of("code", "id_token"),
            Set.of("id_token", "token"), Set.of("code", "token"), Set.of("code", "id_token", "token"));

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
        DIALECTS.put("standard", FrontChannelDialect.STANDARD);
        ProductDialects.NAMES.forEach(name -> DIALECTS.put(name,
                new ProductFrontChannel(ProductDialects.create(name, "", Map.of()))));
    }

    private static void client(String id, boolean confidential, RedirectUriMatch match, List<String> redirectUris,
                               Set<GrantType> grants, List<String> scopes) {
        CLIENTS.put(id, new Client(id, id, confidential ? "sha256$c2FsdA$aGFzaA" : null, redirectUris, match,
                grants, scopes, 3600, 86400, 60, AccessTokenFormat.OPAQUE, true, false, "RS256", List.of(),
                "standard", Map.of()));
    }

    @FuzzTest
    void check(byte[] input) {
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
        DIALECTS.forEach((name, dialect) -> {
            RecordingIssuer issuer = new RecordingIssuer();
            AuthorizationSteps table = new AuthorizationSteps(id -> Optional.ofNullable(CLIENTS.get(id)),
                    new InMemorySessions().with(COOKIE, Fixtures.session(60)), new InMemoryPendingAuthorizations(),
                    new InMemoryConsents(), issuer, Fixtures.CLOCK, new SignInMeters(new SimpleMeterRegistry()));
            Pipeline pipeline = dialect == FrontChannelDialect.STANDARD ? table.standardAuthorize()
                    : table.productAuthorize(dialect);
            Future<StepResult> run = pipeline.run(AuthorizationState.received(params, Optional.of(COOKIE), "ip"));
            if (run.failed()) {
                throw new AssertionError(name + ": unexpected " + run.cause().getClass().getName(), run.cause());
            }
            StepResult result = run.result();
            if (result instanceof StepResult.ShowErrorPage page) {
                assertNotNull(page.errorCode(), name);
                assertClientStatus(page.kind().status(), name + " " + page);
                assertTrue(issuer.issued.isEmpty(), name);
            } else if (result instanceof StepResult.RedirectError redirect) {
                checkRedirect(redirect, params, name);
                assertTrue(issuer.issued.isEmpty(), name);
            } else if (result instanceof StepResult.NeedLogin login) {
                checkAccepted(login.request(), params, name, dialect);
            } else if (result instanceof StepResult.NeedConsent consent) {
                checkAccepted(consent.request(), params, name, dialect);
            } else if (result instanceof StepResult.Respond) {
                assertEquals(1, issuer.issued.size(), name);
                checkAccepted(issuer.issued.get(0).request(), params, name, dialect);
            } else {
                fail(name + ": a pipeline answered " + result);
            }
        });
    }

    private static void checkRedirect(StepResult.RedirectError redirect, RequestParams params, String dialect) {
        OAuthError error = redirect.error();
        assertNotNull(error.error(), dialect);
        assertClientStatus(error.status(), dialect + " " + error);
        AuthorizationRequest request = redirect.request();
        Client client = CLIENTS.get(request.clientId());
        assertNotNull(client, dialect + ": an unknown client gets a page, never a redirect");
        assertTrusted(client, request, params, dialect);
        assertNotNull(redirect.response().reply(), dialect);
    }

    private static void checkAccepted(AuthorizationRequest request, RequestParams params, String name,
                                      FrontChannelDialect dialect) {
        Client client = CLIENTS.get(request.clientId());
        assertNotNull(client, name);
        assertEquals(name, request.dialect());
        assertTrusted(client, request, params, name);
        Set<String> types = request.responseTypes();
        assertTrue(RESPONSE_TYPES.contains(types), name + " " + types);
        String productMode = dialect.implicitResponseMode(client);
        if (productMode != null && types.contains("token") && !"form_post".equals(request.responseMode())) {
            assertEquals(productMode, request.responseMode(), name + ": implicit tokens go where the product put them");
        } else {
            assertTrue(ResponseModes.REQUESTABLE.contains(request.responseMode()), name + " " + request.responseMode());
            if (types.contains("token") || types.contains("id_token")) {
                assertFalse("query".equals(request.responseMode()), name + ": tokens never go in a query");
            }
        }
        if (types.contains("code")) {
            assertTrue(client.allows(GrantType.AUTHORIZATION_CODE), name);
        }
        if (types.contains("token")) {
            assertTrue(client.allows(GrantType.IMPLICIT), name);
        }
        assertTrue(client.scopes().containsAll(Scopes.parse(request.scope())),
                name + ": granted " + request.scope() + " of " + client.scopes());
        if (types.contains("id_token")) {
            assertTrue(Scopes.contains(request.scope(), "openid"), name);
            assertNotNull(request.nonce(), name);
        }
        if (request.codeChallenge() != null) {
            assertTrue(Pkce.wellFormed(request.codeChallenge()), name);
            assertTrue(Set.of("S256", "plain").contains(request.codeChallengeMethod()), name);
        } else {
            assertNull(request.codeChallengeMethod(), name);
            assertFalse(client.isPublic() && types.contains("code"), name + ": public clients use PKCE");
        }
        assertTrue(request.maxAge() == null || request.maxAge() >= 0, name);
        Set<String> prompts = Scopes.parse(request.prompt());
        assertTrue(Set.of("none", "login", "consent", "select_account").containsAll(prompts), name);
        assertFalse(prompts.contains("none") && prompts.size() > 1, name);
        if ("standard".equals(name)) {
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
