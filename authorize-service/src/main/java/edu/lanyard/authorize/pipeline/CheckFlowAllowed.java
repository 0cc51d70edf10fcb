package edu.lanyard.authorize.pipeline;

import edu.lanyard.authorize.AuthorizationRequest;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.domain.GrantType;
import edu.lanyard.core.error.OAuthError;

/** The client is registered for the flows the response type uses: the code flow, the implicit flow, or both. */
public final class CheckFlowAllowed implements ImmediateStep {

    @Override
    public String name() {
        return "check flow allowed";
    }

    @Override
    public StepResult decide(AuthorizationState state) {
        AuthorizationRequest request = state.request();
        Client client = state.client();
        if (request.wantsCode() && !client.allows(GrantType.AUTHORIZATION_CODE)) {
            return new StepResult.RedirectError(request,
                    OAuthError.unauthorizedClient("this client may not use the code flow"));
        }
        // A token, or an id_token without a code, comes straight from this endpoint: the implicit flow.
        boolean implicit = request.wantsAccessToken() || request.wantsIdToken() && !request.wantsCode();
        if (implicit && !client.allows(GrantType.IMPLICIT)) {
            return new StepResult.RedirectError(request,
                    OAuthError.unauthorizedClient("this client may not use the implicit flow"));
        }
        return new StepResult.Continue(state);
    }
}
