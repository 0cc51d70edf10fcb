package edu.lanyard.authorize.pipeline;

import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.metrics.SignInMeters;
import io.vertx.core.Future;

import java.util.List;

/**
 * The user's answer on the consent form: approval is remembered for the user and client, anything else is
 * access_denied for the client (RFC 6749 §4.1.2.1).
 */
public final class RecordConsentDecision implements AuthorizationStep {
    private final Consents consents;
    private final SignInMeters meters;

    public RecordConsentDecision(Consents consents, SignInMeters meters) {
        this.consents = consents;
        this.meters = meters;
    }

    @Override
    public String name() {
        return "record consent decision";
    }

    @Override
    public Future<StepResult> apply(AuthorizationState state) {
        // The button's value exactly as posted: only "approve" approves (or, posted to MaxKey's approval path,
        // its form's user_oauth_approval=true).
        List<String> decision = state.params().allAsSent("decision");
        List<String> maxKeyDecision = state.params().allAsSent("user_oauth_approval");
        boolean approved = decision.isEmpty()
                ? !maxKeyDecision.isEmpty() && "true".equals(maxKeyDecision.get(0))
                : "approve".equals(decision.get(0));
        if (!approved) {
            meters.consent(false);
            return Future.succeededFuture(new StepResult.RedirectError(state.request(),
                    OAuthError.accessDenied("the user denied the request")));
        }
        return consents.grant(state.session().subject(), state.request().clientId(), state.request().scope(),
                state.clientIp()).map(recorded -> {
                    meters.consent(true);
                    return new StepResult.Continue(state);
                });
    }
}
