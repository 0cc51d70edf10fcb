package edu.lanyard.authorize.pipeline;

import edu.lanyard.authorize.AuthorizationRequest;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.domain.GrantType;
import edu.lanyard.core.metrics.SignInMeters;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.core.session.SessionRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import static edu.lanyard.authorize.pipeline.Fixtures.CLOCK;
import static edu.lanyard.authorize.pipeline.Fixtures.IP;
import static edu.lanyard.authorize.pipeline.Fixtures.PHP_SSO;
import static edu.lanyard.authorize.pipeline.Fixtures.REDIRECT_URI;
import static edu.lanyard.authorize.pipeline.Fixtures.params;
import static edu.lanyard.authorize.pipeline.Fixtures.resultOf;
import static edu.lanyard.authorize.pipeline.Fixtures.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthorizationStepsTest {
    private static final List<String> CHECKS_AFTER_THE_REDIRECT_URI = List.of("check response type",
            "check response mode", "check flow allowed", "check scope", "check claims parameter",
            "check id_token requirements", "check pkce",
            "check max_age", "check prompt");
    private static final String COOKIE = "cookie-value";

    private final Client app = Fixtures.client().build();
    private final Client consenting = Fixtures.client().id("consenting").requireConsent().build();
    private final Client codeOnly = Fixtures.client().id("code-only").grants(GrantType.AUTHORIZATION_CODE).build();
    private final Map<String, Client> clients = Map.of("app", app, "consenting", consenting, "code-only", codeOnly);
    private final SessionRecord session = session(60);
    private final InMemorySessions sessions = new InMemorySessions().with(COOKIE, session);
    private final InMemoryPendingAuthorizations pending = new InMemoryPendingAuthorizations();
    private final InMemoryConsents consents = new InMemoryConsents();
    private final RecordingIssuer issuer = new RecordingIssuer();
    private final AuthorizationSteps table = new AuthorizationSteps(id -> Optional.ofNullable(clients.get(id)),
            sessions, pending, consents, issuer, CLOCK, new SignInMeters(new SimpleMeterRegistry()));

    private static List<String> concat(List<String> head, List<String> middle, List<String> tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(middle);
        all.addAll(tail);
        return all;
    }

    @Nested
    class WhichEndpointRunsWhichSteps {

        @Test
        void theStandardEndpointIsStrictAboutRepeatsAndHasNoProductHabits() {
            Pipeline pipeline = table.standardAuthorize();

            assertEquals(concat(List.of("check client", "reject repeated parameters", "check redirect uri"),
                    CHECKS_AFTER_THE_REDIRECT_URI, List.of("login", "consent", "respond")), pipeline.stepNames());
            assertEquals(302, pipeline.redirectStatus());
        }

        @Test
        void aProductEndpointTakesTheFirstOfRepeatsAndDeliversAsTheProductDid() {
            Pipeline pipeline = table.productAuthorize(PHP_SSO);

            assertEquals(concat(List.of("check client", "check redirect uri"), CHECKS_AFTER_THE_REDIRECT_URI,
                    List.of("product habits", "product delivery", "login", "consent", "respond")),
                    pipeline.stepNames());
            assertEquals(302, pipeline.redirectStatus());
            assertEquals("phpsso authorize", pipeline.name());
        }

        @Test
        void afterLoginOnlyConsentAndTheAnswerAreLeftAndTheyAnswerTheFormWithSeeOther() {
            Pipeline pipeline = table.afterLogin();

            assertEquals(List.of("consent", "respond"), pipeline.stepNames());
            assertEquals(303, pipeline.redirectStatus());
        }

        @Test
        void afterConsentTheDecisionThenTheAnswer() {
            Pipeline pipeline = table.afterConsent();

            assertEquals(List.of("record consent decision", "respond"), pipeline.stepNames());
            assertEquals(303, pipeline.redirectStatus());
        }
    }

    /** Runs the standard endpoint with the browser's session cookie. */
    private StepResult standard(String... namesAndValues) {
        return run(table.standardAuthorize(), Optional.of(COOKIE), params(namesAndValues));
    }

    private StepResult run(Pipeline pipeline, Optional<String> cookie, RequestParams params) {
        return resultOf(pipeline.run(AuthorizationState.received(params, cookie, IP)));
    }

    private static String[] with(String[] base, String... more) {
        String[] all = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    /** A good request with some parameters set (or replaced). */
    private static String[] good(String... overrides) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        for (int i = 0; i < GOOD.length; i += 2) {
            params.put(GOOD[i], GOOD[i + 1]);
        }
        for (int i = 0; i < overrides.length; i += 2) {
            params.put(overrides[i], overrides[i + 1]);
        }
        List<String> flat = new ArrayList<>();
        params.forEach((name, value) -> {
            flat.add(name);
            flat.add(value);
        });
        return flat.toArray(String[]::new);
    }

    private static final String[] GOOD = {"client_id", "app", "redirect_uri", REDIRECT_URI, "response_type", "code",
            "scope", "openid", "state", "s1"};

    @Nested
    class UpToTheRedirectUriErrorsArePages {

        static Stream<Arguments> untrusted() {
            return Stream.of(
                    Arguments.of("no client_id", new String[]{"redirect_uri", REDIRECT_URI, "state", "s1"}),
                    Arguments.of("unknown client", new String[]{"client_id", "nobody", "redirect_uri", REDIRECT_URI}),
                    Arguments.of("repeated parameter", with(GOOD, "state", "s2")),
                    Arguments.of("unregistered redirect_uri", new String[]{"client_id", "app",
                            "redirect_uri", "https://evil.example/", "response_type", "code", "state", "s1"}),
                    Arguments.of("line break in redirect_uri", new String[]{"client_id", "app",
                            "redirect_uri", REDIRECT_URI + "\r\nX: y", "response_type", "code"}));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("untrusted")
        void andNothingHappensBeforeValidation(String why, String[] request) {
            assertInstanceOf(StepResult.ShowErrorPage.class, standard(request), why);
            assertEquals(List.of(), sessions.lookedUp, "no session is looked up (and renewed) for a bad request");
            assertTrue(pending.parked.isEmpty());
            assertTrue(issuer.issued.isEmpty());
        }
    }

    @Nested
    class AfterTheRedirectUriEveryErrorGoesToTheClient {

        static Stream<Arguments> trustedButWrong() {
            return Stream.of(
                    Arguments.of("invalid_request", new String[]{"client_id", "app", "state", "s1"}),
                    Arguments.of("unsupported_response_type", good("response_type", "bogus")),
                    Arguments.of("invalid_request", new String[]{"client_id", "app", "response_type", "token",
                            "response_mode", "query", "state", "s1"}),
                    Arguments.of("invalid_request", good("response_mode", "web_message")),
                    Arguments.of("unauthorized_client", new String[]{"client_id", "code-only", "response_type",
                            "token", "state", "s1"}),
                    Arguments.of("invalid_scope", new String[]{"client_id", "app", "response_type", "code",
                            "scope", "admin", "state", "s1"}),
                    Arguments.of("invalid_request", new String[]{"client_id", "app", "response_type", "id_token",
                            "scope", "openid", "state", "s1"}),
                    Arguments.of("invalid_request", good("code_challenge_method", "S256")),
                    Arguments.of("invalid_request", good("max_age", "-1")),
                    Arguments.of("invalid_request", good("prompt", "none login")),
                    Arguments.of("consent_required", new String[]{"client_id", "consenting", "response_type", "code",
                            "prompt", "none", "state", "s1"}));
        }

        @ParameterizedTest(name = "{0}: {index}")
        @MethodSource("trustedButWrong")
        void withItsState(String error, String[] request) {
            StepResult.RedirectError redirect = assertInstanceOf(StepResult.RedirectError.class, standard(request));

            assertEquals(error, redirect.error().error());
            assertEquals(REDIRECT_URI, redirect.request().redirectUri());
            assertEquals("s1", redirect.response().params().get("state"));
            assertTrue(issuer.issued.isEmpty());
        }

        @Test
        void promptNoneWithoutASessionIsLoginRequired() {
            StepResult result = run(table.standardAuthorize(), Optional.empty(), params(good("prompt", "none")));

            assertEquals("login_required", assertInstanceOf(StepResult.RedirectError.class, result).error().error());
        }
    }

    @Nested
    class ARequestThatPassesEveryCheck {

        @Test
        void isAnsweredAtOnceForASignedInUserWithTheRequestAsChecked() {
            StepResult result = standard(good("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                    "max_age", "3600"));

            assertInstanceOf(StepResult.Respond.class, result);
            AuthorizationRequest issued = issuer.issued.get(0).request();
            assertEquals(new AuthorizationRequest("app", REDIRECT_URI, true, "code", "query", "openid", "s1", null,
                    "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "plain", null, 3600L, null, null, "standard"),
                    issued);
            assertEquals(session, issuer.issued.get(0).session());
        }

        @Test
        void waitsForTheLoginFormWithoutASession() {
            StepResult result = run(table.standardAuthorize(), Optional.empty(), params(GOOD));

            StepResult.NeedLogin login = assertInstanceOf(StepResult.NeedLogin.class, result);
            assertEquals(Map.of(login.rid(), login.request()), pending.parked);
            assertEquals("openid", login.request().scope());
        }

        @Test
        void waitsForTheConsentFormWhenTheClientNeedsConsent() {
            StepResult result = standard("client_id", "consenting", "response_type", "code");

            assertInstanceOf(StepResult.NeedConsent.class, result);
        }
    }

    @Nested
    class AProductEndpoint {
        private StepResult php(Optional<String> cookie, String... namesAndValues) {
            return run(table.productAuthorize(PHP_SSO), cookie, params(namesAndValues));
        }

        @Test
        void takesTheFirstOfRepeatedParametersAndAssumesItsResponseType() {
            StepResult result = php(Optional.of(COOKIE), "client_id", "app", "state", "first", "state", "second");

            assertInstanceOf(StepResult.Respond.class, result);
            AuthorizationRequest issued = issuer.issued.get(0).request();
            assertEquals("code", issued.responseType());
            assertEquals("first", issued.state());
            assertEquals("phpsso", issued.dialect());
        }

        @Test
        void deliversImplicitTokensItsWayFromBeforeTheLoginOn() {
            StepResult login = php(Optional.empty(), "client_id", "app", "response_type", "token");
            StepResult required = php(Optional.empty(), "client_id", "app", "response_type", "token",
                    "prompt", "none");

            assertEquals("query", assertInstanceOf(StepResult.NeedLogin.class, login).request().responseMode());
            assertEquals("query", assertInstanceOf(StepResult.RedirectError.class, required).request()
                    .responseMode());
        }

        @Test
        void checksErrorsStillTravelInTheStandardDefaultMode() {
            StepResult result = php(Optional.of(COOKIE), "client_id", "app", "response_type", "token",
                    "scope", "admin");

            assertEquals("fragment", assertInstanceOf(StepResult.RedirectError.class, result).request()
                    .responseMode());
        }
    }

    @Nested
    class TheResumedPipelines {
        private final AuthorizationRequest parked = new AuthorizationRequest("consenting", REDIRECT_URI, true, "code",
                "query", "openid profile", "s1", null, null, null, null, null, null, null, "standard");

        private StepResult resume(Function<AuthorizationSteps, Pipeline> which, RequestParams form) {
            return resultOf(which.apply(table).run(AuthorizationState.resumed(form, IP, consenting, parked,
                    session)));
        }

        @Test
        void afterLoginAClientThatNeedsConsentAsksForIt() {
            assertInstanceOf(StepResult.NeedConsent.class, resume(AuthorizationSteps::afterLogin, params()));
        }

        @Test
        void afterLoginWithConsentGivenTheClientIsAnswered() {
            consents.with(session.subject(), "consenting", "openid profile");

            assertInstanceOf(StepResult.Respond.class, resume(AuthorizationSteps::afterLogin, params()));
        }

        @Test
        void afterConsentApprovalIsRememberedAndAnswered() {
            assertInstanceOf(StepResult.Respond.class, resume(AuthorizationSteps::afterConsent,
                    params("decision", "approve")));
            assertEquals(1, consents.grants.size());
        }

        @Test
        void afterConsentDenialGoesToTheClient() {
            assertEquals("access_denied", assertInstanceOf(StepResult.RedirectError.class,
                    resume(AuthorizationSteps::afterConsent, params("decision", "deny"))).error().error());
            assertTrue(issuer.issued.isEmpty());
        }
    }
}
