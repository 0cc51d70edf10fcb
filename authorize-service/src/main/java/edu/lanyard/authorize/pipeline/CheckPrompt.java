package edu.lanyard.authorize.pipeline;

import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.token.Scopes;

import java.util.Set;

/**
 * OIDC Core §3.1.2.1: prompt holds known values, and {@code none} alone. The login and consent steps act on them.
 */
public final class CheckPrompt implements ImmediateStep {
    private static final Set<String> KNOWN = Set.of("none", "login", "consent", "select_account");

    @Override
    public String name() {
        return "check prompt";
    }

    @Override
    public StepResult decide(AuthorizationState state) {
        Set<String> prompts = Scopes.parse(state.request().prompt());
        if (!KNOWN.containsAll(prompts)) {
            return new StepResult.RedirectError(state.request(), OAuthError.invalidRequest("unsupported prompt value"));
        }
        if (prompts.contains("none") && prompts.size() > 1) {
            return new StepResult.RedirectError(state.request(),
                    OAuthError.invalidRequest("prompt=none cannot be combined with other values"));
        }
        return new StepResult.Continue(state);
    }
}
