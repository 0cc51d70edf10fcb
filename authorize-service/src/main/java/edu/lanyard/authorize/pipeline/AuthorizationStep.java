package edu.lanyard.authorize.pipeline;

import io.vertx.core.Future;

/** One named step of an authorization pipeline ({@link AuthorizationSteps} says which endpoint runs which). */
public interface AuthorizationStep {

    /** The step's name in the table, e.g. {@code check redirect uri}. */
    String name();

    /** Decides whether the request goes on; a failed future is a fault, not a decision. */
    Future<StepResult> apply(AuthorizationState state);
}
