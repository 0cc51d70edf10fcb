package edu.lanyard.authorize.pipeline;

import edu.lanyard.authorize.AuthorizationRequest;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.token.Pkce;

/**
 * RFC 7636 §4.3: a well-formed code_challenge with a known method, required of public clients in the code flow.
 * Once it passes, a request with a challenge carries its method ({@code plain} when none was named, §4.3).
 */
public final class CheckPkce implements ImmediateStep {

    @Override
    public String name() {
        return "check pkce";
    }

    @Override
    public StepResult decide(AuthorizationState state) {
        AuthorizationRequest request = state.request();
        String challenge = request.codeChallenge();
        String method = request.codeChallengeMethod();
        if (challenge == null) {
            if (method != null) {
                return invalid(request, "code_challenge_method without code_challenge");
            }
            if (request.wantsCode() && state.client().isPublic()) {
                return invalid(request, "public clients must use PKCE (code_challenge)");
            }
            return new StepResult.Continue(state);
        }
        if (method != null && !method.equals("S256") && !method.equals("plain")) {
            return invalid(request, "code_challenge_method must be S256 or plain");
        }
        if (!Pkce.wellFormed(challenge)) {
            return invalid(request, "code_challenge must be 43-128 unreserved characters");
        }
        return new StepResult.Continue(state.withRequest(
                request.withCodeChallengeMethod(method == null ? "plain" : method)));
    }

    private static StepResult invalid(AuthorizationRequest request, String description) {
        return new StepResult.RedirectError(request, OAuthError.invalidRequest(description));
    }
}
