package edu.lanyard.authorize.pipeline;

import edu.lanyard.authorize.AuthorizationRequest;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.token.Scopes;

/**
 * An id_token from this endpoint needs the openid scope (among the scope granted) and a nonce (OIDC Core §3.2.2.1,
 * §3.3.2.11), which binds it to the client's session against replay.
 */
public final class CheckIdTokenRequirements implements ImmediateStep {

    @Override
    public String name() {
        return "check id_token requirements";
    }

    @Override
    public StepResult decide(AuthorizationState state) {
        AuthorizationRequest request = state.request();
        if (!request.wantsIdToken()) {
            return new StepResult.Continue(state);
        }
        if (!Scopes.contains(request.scope(), "openid")) {
            return new StepResult.RedirectError(request,
                    OAuthError.invalidRequest("id_token responses need the openid scope"));
        }
        if (request.nonce() == null) {
            return new StepResult.RedirectError(request,
                    OAuthError.invalidRequest("nonce is required when an id_token is returned"));
        }
        return new StepResult.Continue(state);
    }
}
