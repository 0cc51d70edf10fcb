package edu.lanyard.authorize.pipeline;

import edu.lanyard.core.error.OAuthError;

/** OIDC Core §3.1.2.1: max_age is a number of seconds. The login step holds the session's age against it. */
public final class CheckMaxAge implements ImmediateStep {

    @Override
    public String name() {
        return "check max_age";
    }

    @Override
    public StepResult decide(AuthorizationState state) {
        String raw = state.params().firstOrNull("max_age");
        if (raw == null) {
            return new StepResult.Continue(state);
        }
        try {
            long seconds = Long.parseLong(raw);
            if (seconds >= 0) {
                return new StepResult.Continue(state.withRequest(state.request().withMaxAge(seconds)));
            }
        } catch (NumberFormatException e) {
            // answered below, as a negative number is
        }
        return new StepResult.RedirectError(state.request(),
                OAuthError.invalidRequest("max_age must be a non-negative number of seconds"));
    }
}
