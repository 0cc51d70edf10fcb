package edu.lanyard.authorize.pipeline;

import edu.lanyard.authorize.AuthorizationRequest;
import edu.lanyard.authorize.FrontChannelDialect;

/**
 * A product that put implicit tokens elsewhere than the fragment (the query, or query and fragment) keeps doing so
 * for its apps. It runs right after the checks, before the user is asked anything, so the request parked for the
 * login or consent form — and any error sent from then on — already travels the product's way.
 */
public final class DeliverAsProductDid implements ImmediateStep {
    private final FrontChannelDialect product;

    public DeliverAsProductDid(FrontChannelDialect product) {
        this.product = product;
    }

    @Override
    public String name() {
        return "product delivery";
    }

    @Override
    public StepResult decide(AuthorizationState state) {
        AuthorizationRequest request = state.request();
        String mode = product.implicitResponseMode(state.client());
        // Only the fragment moves (default or asked for): a client that asked for form_post keeps it.
        if (mode == null || !request.wantsAccessToken() || !"fragment".equals(request.responseMode())) {
            return new StepResult.Continue(state);
        }
        return new StepResult.Continue(state.withRequest(request.withResponseMode(mode)));
    }
}
