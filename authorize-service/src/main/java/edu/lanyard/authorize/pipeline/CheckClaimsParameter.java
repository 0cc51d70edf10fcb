package edu.lanyard.authorize.pipeline;

import edu.lanyard.authorize.AuthorizationRequest;
import edu.lanyard.core.error.OAuthException;
import edu.lanyard.core.oidc.ClaimsRequest;
import edu.lanyard.core.token.Scopes;

/**
 * The OIDC Core §5.5 {@code claims} parameter: JSON naming claims for userinfo and the id_token. Malformed, it is
 * invalid_request; well-formed, the request carries it normalized (standard claims only) to the consent page, the
 * code and the tokens. Without {@code openid} the request is plain OAuth and the parameter means nothing.
 */
public final class CheckClaimsParameter implements ImmediateStep {

    @Override
    public String name() {
        return "check claims parameter";
    }

    @Override
    public StepResult decide(AuthorizationState state) {
        AuthorizationRequest request = state.request();
        ClaimsRequest claims;
        try {
            claims = ClaimsRequest.parse(state.params().firstOrNull("claims"));
        } catch (OAuthException e) {
            return new StepResult.RedirectError(request, e.error());
        }
        if (claims.isEmpty() || !Scopes.contains(request.scope(), "openid")) {
            return new StepResult.Continue(state);
        }
        return new StepResult.Continue(state.withRequest(request.withClaims(claims.toJson())));
    }
}
