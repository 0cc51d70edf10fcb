package edu.lanyard.authorize.pipeline;

import edu.lanyard.authorize.AuthorizationRequest;
import edu.lanyard.authorize.FrontChannelDialect;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.token.Scopes;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a product's authorization endpoint read besides OAuth's parameters (docs/dialects.md C.2): MaxKey's
 * {@code approval_prompt=force} asks for consent again, as {@code prompt=consent} does ({@code auto}, or any other
 * value, leaves it to the client's consent setting and the user's earlier approval, as MaxKey did); and the
 * parameters the product sent back with the code ({@code service}) are kept with the request, so they survive the
 * login and consent pages.
 */
public final class ApplyProductHabits implements ImmediateStep {
    /** An echoed value travels in a redirect; one longer than this is no app's, and is refused. */
    static final int MAX_ECHOED_LENGTH = 2048;

    private final FrontChannelDialect product;

    public ApplyProductHabits(FrontChannelDialect product) {
        this.product = product;
    }

    @Override
    public String name() {
        return "product habits";
    }

    @Override
    public StepResult decide(AuthorizationState state) {
        AuthorizationRequest request = state.request();
        if (product.honoursApprovalPrompt() && "force".equals(state.params().firstOrNull("approval_prompt"))
                && !request.hasPrompt("none")) {
            Set<String> prompts = new LinkedHashSet<>(Scopes.parse(request.prompt()));
            prompts.add("consent");
            request = request.withPrompt(String.join(" ", prompts));
        }
        Map<String, String> echoed = new LinkedHashMap<>();
        for (String name : product.echoedParameters()) {
            String value = state.params().firstOrNull(name);
            if (value == null || value.isEmpty()) {
                continue;
            }
            if (value.length() > MAX_ECHOED_LENGTH) {
                return new StepResult.RedirectError(request, OAuthError.invalidRequest(name + " is too long"));
            }
            echoed.put(name, value);
        }
        return new StepResult.Continue(state.withRequest(echoed.isEmpty() ? request : request.withEchoed(echoed)));
    }
}
