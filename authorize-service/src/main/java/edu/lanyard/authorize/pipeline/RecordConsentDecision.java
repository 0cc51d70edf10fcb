package edu.lanyard.authorize.pipeline;

import edu.lanyard.core.error.OAuthError;
import io.vertx.core.Future;

import java.util.List;

/**
 * The user's answer on the consent form: approval is remembered for the user and client, anything else is
 * access_denied for the client (RFC 6749 §4.1.2.1).
 */
public final class RecordConsentDecision implements AuthorizationStep {
    private final Consents consents;

    public RecordConsentDecision(Consents consents) {
        this.consents = consents;
    }

    @Override
    public String name() {
        return "record consent decision";
    }

    @Override
    public Future<StepResult> apply(AuthorizationState state) {
        // The button's value exactly as posted: only "approve" approves.
        List<String> decision = state.params().allAsSent("decision");
        if (decision.isEmpty() || !"approve".equals(decision.get(0))) {
            return Future.succeededFuture(new StepResult.RedirectError(state.request(),
                    OAuthError.accessDenied("the user denied the request")));
        }
        return consents.grant(state.session().subject(), state.request().clientId(), state.request().scope(),
                state.clientIp()).map(recorded -> new StepResult.Continue(state));
    }
}
