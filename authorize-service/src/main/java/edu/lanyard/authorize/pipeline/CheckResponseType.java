package edu.lanyard.authorize.pipeline;

import edu.lanyard.authorize.AuthorizationRequest;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.token.Scopes;

import java.util.Set;

/** The response_type is one Lanyard answers: code, implicit, or a hybrid combination (OIDC Core §3). */
public final class CheckResponseType implements ImmediateStep {
    private static final Set<Set<String>> SUPPORTED = Set.of(
            Set.of("code"), Set.of("token"), Set.of("id_token"), Set.of("code", "id_token"),
            Set.of("id_token", "token"), Set.of("code", "token"), Set.of("code", "id_token", "token"));

    @Override
    public String name() {
        return "check response type";
    }

    @Override
    public StepResult decide(AuthorizationState state) {
        AuthorizationRequest request = state.request();
        if (request.responseType() == null) {
            return new StepResult.RedirectError(request, OAuthError.invalidRequest("response_type is missing"));
        }
        if (!SUPPORTED.contains(Scopes.parse(request.responseType()))) {
            return new StepResult.RedirectError(request, new OAuthError("unsupported_response_type",
                    "unsupported response_type: " + request.responseType(), 400));
        }
        return new StepResult.Continue(state);
    }
}
