package edu.lanyard.authorize.pipeline;

import io.vertx.core.Future;

/** A step that decides from the state alone, without asking a store. */
interface ImmediateStep extends AuthorizationStep {

    StepResult decide(AuthorizationState state);

    @Override
    default Future<StepResult> apply(AuthorizationState state) {
        return Future.succeededFuture(decide(state));
    }
}
