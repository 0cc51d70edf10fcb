package edu.lanyard.authorize.pipeline;

import io.vertx.core.Future;

/** Mints what the request asks for and answers the client; every pipeline ends here. */
public final class Respond implements AuthorizationStep {
    private final ResponseIssuer issuer;

    public Respond(ResponseIssuer issuer) {
        this.issuer = issuer;
    }

    @Override
    public String name() {
        return "respond";
    }

    @Override
    public Future<StepResult> apply(AuthorizationState state) {
        return issuer.respond(state.client(), state.request(), state.session(), state.clientIp())
                .map(StepResult.Respond::new);
    }
}
