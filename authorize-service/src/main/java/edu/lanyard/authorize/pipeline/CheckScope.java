package edu.lanyard.authorize.pipeline;

import edu.lanyard.authorize.AuthorizationRequest;
import edu.lanyard.core.error.OAuthException;
import edu.lanyard.core.token.Scopes;
import edu.lanyard.dialects.http.EdgeErrors;

/**
 * The requested scope is within the client's; none requested means all of the client's. Once it passes, the request
 * carries the scope to grant.
 */
public final class CheckScope implements ImmediateStep {

    @Override
    public String name() {
        return "check scope";
    }

    @Override
    public StepResult decide(AuthorizationState state) {
        AuthorizationRequest request = state.request();
        try {
            String granted = Scopes.grant(request.scope(), state.client().scopes());
            return new StepResult.Continue(state.withRequest(request.withScope(granted)));
        } catch (OAuthException e) {
            return new StepResult.RedirectError(request, e.error());
        }
    }
}
