package edu.lanyard.authorize.pipeline;

import edu.lanyard.core.domain.Client;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.token.Pkce;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static edu.lanyard.authorize.pipeline.Fixtures.continued;
import static edu.lanyard.authorize.pipeline.Fixtures.redirected;
import static edu.lanyard.authorize.pipeline.Fixtures.request;
import static edu.lanyard.authorize.pipeline.Fixtures.trusted;
import static edu.lanyard.authorize.pipeline.Fixtures.withPkce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class CheckPkceTest {
    private static final String CHALLENGE = Pkce.s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

    private final CheckPkce step = new CheckPkce();
    private final Client confidential = Fixtures.client().build();
    private final Client publicClient = Fixtures.client().publicClient().build();

    private StepResult check(Client client, String responseType, String challenge, String method) {
        return step.decide(trusted(client, withPkce(request(responseType, "query"), challenge, method)));
    }

    @Test
    void aConfidentialClientMayLeavePkceOut() {
        AuthorizationState state = trusted(confidential, request());

        AuthorizationState next = continued(step.decide(state));

        assertSame(state, next);
        assertNull(next.request().codeChallengeMethod());
    }

    @Test
    void aPublicClientWithoutAChallengeIsRedirected() {
        assertEquals(OAuthError.invalidRequest("public clients must use PKCE (code_challenge)"),
                redirected(check(publicClient, "code", null, null)).error());
    }

    @ParameterizedTest
    @ValueSource(strings = {"token", "id_token token"})
    void aPublicClientNeedsNoChallengeWhereNoCodeIsIssued(String responseType) {
        continued(check(publicClient, responseType, null, null));
    }

    @Test
    void aMethodWithoutChallengeIsRedirected() {
        assertEquals(OAuthError.invalidRequest("code_challenge_method without code_challenge"),
                redirected(check(confidential, "code", null, "S256")).error());
    }

    @ParameterizedTest
    @ValueSource(strings = {"s256", "SHA256", "none"})
    void anUnknownMethodIsRedirected(String method) {
        assertEquals(OAuthError.invalidRequest("code_challenge_method must be S256 or plain"),
                redirected(check(publicClient, "code", CHALLENGE, method)).error());
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "has space in it and is long enough to pass the length rule ok",
            "an+plus+sign+makes+this+challenge+unreserved+no+more+at+all"})
    void aMalformedChallengeIsRedirected(String challenge) {
        assertEquals(OAuthError.invalidRequest("code_challenge must be 43-128 unreserved characters"),
                redirected(check(publicClient, "code", challenge, "S256")).error());
    }

    @Test
    void s256IsKept() {
        assertEquals("S256", continued(check(publicClient, "code", CHALLENGE, "S256")).request()
                .codeChallengeMethod());
    }

    @Test
    void aChallengeWithoutMethodIsPlain() {
        assertEquals("plain", continued(check(publicClient, "code", CHALLENGE, null)).request()
                .codeChallengeMethod());
    }

    @Test
    void isNamedForTheTable() {
        assertEquals("check pkce", step.name());
    }
}
