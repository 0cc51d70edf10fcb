package edu.lanyard.authorize.pipeline;

import edu.lanyard.authorize.AuthorizationRequest;
import edu.lanyard.authorize.FrontChannelDialect;
import edu.lanyard.authorize.page.ErrorKind;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.request.RequestParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static edu.lanyard.authorize.pipeline.Fixtures.REDIRECT_URI;
import static edu.lanyard.authorize.pipeline.Fixtures.continued;
import static edu.lanyard.authorize.pipeline.Fixtures.page;
import static edu.lanyard.authorize.pipeline.Fixtures.params;
import static edu.lanyard.authorize.pipeline.Fixtures.received;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckRedirectUriTest {
    private static final String OTHER_URI = "https://app.example.edu/other";

    private final CheckRedirectUri standard = new CheckRedirectUri(FrontChannelDialect.STANDARD);
    private final Client app = Fixtures.client().build();

    private StepResult check(CheckRedirectUri step, Client client, RequestParams params) {
        return step.decide(received(params).withClient(client));
    }

    @Test
    void aRegisteredUriIsTrustedAndTheRequestIsReadAsSent() {
        AuthorizationState next = continued(check(standard, app, params("client_id", "app",
                "redirect_uri", REDIRECT_URI, "response_type", "code", "scope", "openid", "state", "s1",
                "nonce", "n1", "code_challenge", "c1", "code_challenge_method", "S256", "prompt", "login",
                "max_age", "60", "login_hint", "alice", "ui_locales", "zh-CN")));

        assertTrue(next.redirectUriTrusted());
        assertEquals(new AuthorizationRequest("app", REDIRECT_URI, true, "code", "query", "openid", "s1", "n1",
                "c1", "S256", "login", null, "alice", "zh-CN", "standard"), next.request());
    }

    @Test
    void withoutRedirectUriTheOnlyRegisteredOneIsUsedAndMarkedNotGiven() {
        AuthorizationRequest request = continued(check(standard, app,
                params("client_id", "app", "response_type", "code"))).request();

        assertEquals(REDIRECT_URI, request.redirectUri());
        assertFalse(request.redirectUriGiven());
    }

    @Test
    void withoutRedirectUriAClientWithSeveralIsAPage() {
        Client two = Fixtures.client().redirectUris(REDIRECT_URI, OTHER_URI).build();

        assertEquals(new StepResult.ShowErrorPage(ErrorKind.INVALID_REDIRECT_URI, "invalid_request",
                "redirect_uri is missing"), page(check(standard, two, params("client_id", "app"))));
    }

    @Test
    void anUnregisteredUriIsAPageNeverARedirect() {
        StepResult result = check(standard, app, params("client_id", "app", "redirect_uri", "https://evil.example/cb",
                "response_type", "code", "state", "s1"));

        assertEquals(new StepResult.ShowErrorPage(ErrorKind.INVALID_REDIRECT_URI, "invalid_request",
                "redirect_uri is not registered for this client"), page(result));
    }

    @ParameterizedTest
    @ValueSource(strings = {REDIRECT_URI + "\r\nSet-Cookie: x=1", REDIRECT_URI + "\n", " " + REDIRECT_URI,
            REDIRECT_URI + "\u2028", REDIRECT_URI + "\u00a0"})
    void aLineBreakOrWhitespaceAsSentIsAPageEvenWhereTrimmingWouldHideIt(String sent) {
        assertEquals(new StepResult.ShowErrorPage(ErrorKind.INVALID_REDIRECT_URI, "invalid_request",
                        "redirect_uri contains a control character or whitespace"),
                page(check(standard, app, params("client_id", "app", "redirect_uri", sent))));
    }

    @Test
    void aProductKeepsTheFirstRedirectUriButEverySentValueMustBeSafe() {
        CheckRedirectUri product = new CheckRedirectUri(Fixtures.PHP_SSO);

        StepResult result = check(product, app, params("client_id", "app", "redirect_uri", REDIRECT_URI,
                "redirect_uri", OTHER_URI + "\r\nLocation: https://evil.example/"));

        assertEquals("redirect_uri contains a control character or whitespace", page(result).detail());
    }

    @ParameterizedTest
    @CsvSource({"code, query", "token, fragment", "id_token, fragment", "code id_token, fragment",
            "'code token', fragment", "none, query", "bogus, query", "'token bogus', fragment"})
    void theResponseModeStartsAsTheDefaultForTheResponseType(String responseType, String mode) {
        AuthorizationRequest request = continued(check(standard, app, params("client_id", "app",
                "response_type", responseType, "response_mode", "form_post"))).request();

        assertEquals(mode, request.responseMode());
    }

    @Test
    void aMissingResponseTypeStaysMissingForTheStandardEndpointInTheQuery() {
        AuthorizationRequest request = continued(check(standard, app, params("client_id", "app"))).request();

        assertNull(request.responseType());
        assertEquals("query", request.responseMode());
    }

    @Test
    void aProductMayAssumeItsResponseTypeAndNamesItsDialect() {
        CheckRedirectUri product = new CheckRedirectUri(Fixtures.PHP_SSO);

        AuthorizationRequest assumed = continued(check(product, app, params("client_id", "app"))).request();
        AuthorizationRequest asked = continued(check(product, app, params("client_id", "app",
                "response_type", "token"))).request();

        assertEquals("code", assumed.responseType());
        assertEquals("phpsso", assumed.dialect());
        assertEquals("token", asked.responseType());
    }

    @Test
    void isNamedForTheTable() {
        assertEquals("check redirect uri", standard.name());
    }
}
