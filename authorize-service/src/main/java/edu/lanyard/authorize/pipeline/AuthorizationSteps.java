package edu.lanyard.authorize.pipeline;

import edu.lanyard.authorize.FrontChannelDialect;
import edu.lanyard.core.client.ClientLookup;
import edu.lanyard.core.metrics.SignInMeters;

import java.time.Clock;
import java.util.List;

/**
 * Which endpoint runs which steps, in order. The order is the contract: up to check redirect URI an error is
 * Lanyard's page; after it, every error goes back to the client (RFC 6749 §4.1.2.1) in the request's response mode.
 */
public final class AuthorizationSteps {
    private final ClientLookup clients;
    private final SessionLookup sessions;
    private final PendingAuthorizations pending;
    private final Consents consents;
    private final ResponseIssuer issuer;
    private final Clock clock;
    private final SignInMeters signIns;

    public AuthorizationSteps(ClientLookup clients, SessionLookup sessions, PendingAuthorizations pending,
                              Consents consents, ResponseIssuer issuer, Clock clock, SignInMeters signIns) {
        this.clients = clients;
        this.sessions = sessions;
        this.pending = pending;
        this.consents = consents;
        this.issuer = issuer;
        this.clock = clock;
        this.signIns = signIns;
    }

    /** {@code GET|POST /oauth2/authorize}: strict about repeated parameters, no product's habits. */
    public Pipeline standardAuthorize() {
        return Pipeline.answeringRequest("standard authorize", List.of(
                new CheckClient(clients),
                new RejectRepeatedParameters(),
                new CheckRedirectUri(FrontChannelDialect.STANDARD),
                new CheckResponseType(),
                new CheckResponseMode(),
                new CheckFlowAllowed(),
                new CheckScope(),
                new CheckClaimsParameter(),
                new CheckIdTokenRequirements(),
                new CheckPkce(),
                new CheckMaxAge(),
                new CheckPrompt(),
                new CheckLogin(sessions, pending, clock),
                new CheckConsent(consents, pending),
                new Respond(issuer)));
    }

    /**
     * A product dialect's authorize path: the first value of a repeated parameter wins (as the products did), a
     * missing response_type may default to the product's, and implicit tokens travel where the product put them.
     */
    public Pipeline productAuthorize(FrontChannelDialect product) {
        return Pipeline.answeringRequest(product.name() + " authorize", List.of(
                new CheckClient(clients, product.clientIdIgnoresCase()),
                new CheckRedirectUri(product),
                new CheckResponseType(),
                new CheckResponseMode(),
                new CheckFlowAllowed(),
                new CheckScope(),
                new CheckClaimsParameter(),
                new CheckIdTokenRequirements(),
                new CheckPkce(),
                new CheckMaxAge(),
                new CheckPrompt(),
                new ApplyProductHabits(product),
                new DeliverAsProductDid(product),
                new CheckLogin(sessions, pending, clock),
                new CheckConsent(consents, pending),
                new Respond(issuer)));
    }

    /** {@code POST /oauth2/login} once the password is right: the parked request was checked when it arrived. */
    public Pipeline afterLogin() {
        return Pipeline.answeringFormPost("resume after login", List.of(
                new CheckConsent(consents, pending),
                new Respond(issuer)));
    }

    /** {@code POST /oauth2/consent}: the user's decision, then the answer. */
    public Pipeline afterConsent() {
        return Pipeline.answeringFormPost("resume after consent", List.of(
                new RecordConsentDecision(consents, signIns),
                new Respond(issuer)));
    }
}
