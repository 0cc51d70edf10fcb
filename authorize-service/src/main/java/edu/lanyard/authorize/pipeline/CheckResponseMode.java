package edu.lanyard.authorize.pipeline;

import edu.lanyard.authorize.AuthorizationRequest;
import edu.lanyard.authorize.responsemode.ResponseModes;
import edu.lanyard.core.error.OAuthError;

/**
 * A requested response_mode is one Lanyard knows, and not the query for tokens (OAuth 2.0 Multiple Response Type
 * Encoding Practices §2.1). Its errors go back in the default mode; once it passes, the request carries the mode.
 */
public final class CheckResponseMode implements ImmediateStep {

    @Override
    public String name() {
        return "check response mode";
    }

    @Override
    public StepResult decide(AuthorizationState state) {
        AuthorizationRequest request = state.request();
        String requested = state.params().firstOrNull("response_mode");
        if (requested == null) {
            return new StepResult.Continue(state);
        }
        if (!ResponseModes.REQUESTABLE.contains(requested)) {
            return new StepResult.RedirectError(request, OAuthError.invalidRequest("unsupported response_mode"));
        }
        if ("query".equals(requested) && (request.wantsAccessToken() || request.wantsIdToken())) {
            return new StepResult.RedirectError(request, OAuthError.invalidRequest(
                    "tokens must not be returned in the query string"));
        }
        return new StepResult.Continue(state.withRequest(request.withResponseMode(requested)));
    }
}
