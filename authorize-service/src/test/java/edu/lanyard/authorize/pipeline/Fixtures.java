package edu.lanyard.authorize.pipeline;

import edu.lanyard.authorize.AuthorizationRequest;
import edu.lanyard.authorize.FrontChannelDialect;
import edu.lanyard.authorize.ProductFrontChannel;
import edu.lanyard.core.domain.AccessTokenFormat;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.domain.GrantType;
import edu.lanyard.core.domain.RedirectUriMatch;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.core.session.SessionRecord;
import edu.lanyard.dialects.http.HttpRequestParams;
import edu.lanyard.dialects.phpsso.PhpSsoDialect;
import edu.lanyard.dialects.phpsso.PhpSsoOptions;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Clients, requests, states and a fixed clock for the step tests; nothing here starts a server or a cluster. */
final class Fixtures {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-01T08:00:00Z"), ZoneOffset.UTC);
    static final long NOW = CLOCK.instant().getEpochSecond();
    static final String REDIRECT_URI = "https://app.example.edu/callback";
    static final String IP = "192.0.2.7";
    static final FrontChannelDialect PHP_SSO = new ProductFrontChannel(
            new PhpSsoDialect("/php", PhpSsoOptions.SCHEMA.forMount("dialects.phpsso.options", Map.of())));

    private Fixtures() {
    }

    /** A confidential client for the code and implicit flows, no consent required. */
    static ClientSpec client() {
        return new ClientSpec();
    }

    static final class ClientSpec {
        private String id = "app";
        private String secretHash = "stored-hash";
        private List<String> redirectUris = List.of(REDIRECT_URI);
        private Set<GrantType> grants = EnumSet.of(GrantType.AUTHORIZATION_CODE, GrantType.IMPLICIT,
                GrantType.REFRESH_TOKEN);
        private List<String> scopes = List.of("openid", "profile", "email");
        private boolean requireConsent;
        private Map<String, Object> options = Map.of();

        ClientSpec id(String value) {
            id = value;
            return this;
        }

        ClientSpec publicClient() {
            secretHash = null;
            return this;
        }

        ClientSpec redirectUris(String... uris) {
            redirectUris = List.of(uris);
            return this;
        }

        ClientSpec grants(GrantType... types) {
            grants = types.length == 0 ? Set.of() : EnumSet.copyOf(List.of(types));
            return this;
        }

        ClientSpec scopes(String... values) {
            scopes = List.of(values);
            return this;
        }

        ClientSpec requireConsent() {
            requireConsent = true;
            return this;
        }

        ClientSpec option(String name, Object value) {
            options = Map.of(name, value);
            return this;
        }

        Client build() {
            return new Client(id, "The App", secretHash, redirectUris, RedirectUriMatch.EXACT, grants, scopes, 3600,
                    86_400, 60, AccessTokenFormat.OPAQUE, true, requireConsent, "RS256", List.of(), "standard",
                    options);
        }
    }

    /** Query parameters parsed as the endpoint parses them: {@code name, value, name, value...}; a name may repeat. */
    static RequestParams params(String... namesAndValues) {
        MultiMap query = MultiMap.caseInsensitiveMultiMap();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return HttpRequestParams.from(source -> query, List.of(RequestParams.Source.QUERY));
    }

    /** A request whose client and redirect URI are trusted: response_type code, query mode. */
    static AuthorizationRequest request() {
        return new AuthorizationRequest("app", REDIRECT_URI, true, "code", "query", "openid profile", "xyz",
                null, null, null, null, null, null, null, "standard");
    }

    static AuthorizationRequest request(String responseType, String responseMode) {
        AuthorizationRequest r = request();
        return new AuthorizationRequest(r.clientId(), r.redirectUri(), true, responseType, responseMode, r.scope(),
                r.state(), "n-0S6", r.codeChallenge(), r.codeChallengeMethod(), r.prompt(), r.maxAge(),
                r.loginHint(), r.uiLocales(), r.dialect());
    }

    static AuthorizationRequest withPrompt(AuthorizationRequest r, String prompt) {
        return new AuthorizationRequest(r.clientId(), r.redirectUri(), r.redirectUriGiven(), r.responseType(),
                r.responseMode(), r.scope(), r.state(), r.nonce(), r.codeChallenge(), r.codeChallengeMethod(),
                prompt, r.maxAge(), r.loginHint(), r.uiLocales(), r.dialect());
    }

    static AuthorizationRequest withNonce(AuthorizationRequest r, String nonce) {
        return new AuthorizationRequest(r.clientId(), r.redirectUri(), r.redirectUriGiven(), r.responseType(),
                r.responseMode(), r.scope(), r.state(), nonce, r.codeChallenge(), r.codeChallengeMethod(),
                r.prompt(), r.maxAge(), r.loginHint(), r.uiLocales(), r.dialect());
    }

    static AuthorizationRequest withPkce(AuthorizationRequest r, String challenge, String method) {
        return new AuthorizationRequest(r.clientId(), r.redirectUri(), r.redirectUriGiven(), r.responseType(),
                r.responseMode(), r.scope(), r.state(), r.nonce(), challenge, method, r.prompt(), r.maxAge(),
                r.loginHint(), r.uiLocales(), r.dialect());
    }

    /** Just received: nothing checked, no cookie. */
    static AuthorizationState received(RequestParams params) {
        return AuthorizationState.received(params, Optional.empty(), IP);
    }

    /** Client and redirect URI checked. */
    static AuthorizationState trusted(Client client, AuthorizationRequest request) {
        return trusted(client, request, params());
    }

    static AuthorizationState trusted(Client client, AuthorizationRequest request, RequestParams params) {
        return AuthorizationState.received(params, Optional.empty(), IP).withClient(client).withRequest(request);
    }

    /** A session signed in {@code ageSeconds} ago, good for another eight hours. */
    static SessionRecord session(long ageSeconds) {
        return new SessionRecord("sid-1", "subject-1", "alice", NOW - ageSeconds, NOW + 8 * 3600);
    }

    /** The result of a step whose stores answer at once. */
    static StepResult resultOf(Future<StepResult> future) {
        assertTrue(future.isComplete(), "the in-memory stores answer at once");
        return future.result();
    }

    static AuthorizationState continued(StepResult result) {
        return assertInstanceOf(StepResult.Continue.class, result).state();
    }

    static StepResult.RedirectError redirected(StepResult result) {
        return assertInstanceOf(StepResult.RedirectError.class, result);
    }

    static StepResult.ShowErrorPage page(StepResult result) {
        return assertInstanceOf(StepResult.ShowErrorPage.class, result);
    }
}
