package edu.lanyard.authorize.pipeline;

import io.vertx.core.Future;

import java.util.List;

/**
 * Runs steps in order until one answers. Besides the order, it keeps the one rule the order exists for: once the
 * redirect URI is trusted, no step may answer with Lanyard's error page — a later failure goes to the client.
 */
public final class Pipeline {
    private final String name;
    private final int redirectStatus;
    private final List<AuthorizationStep> steps;

    private Pipeline(String name, int redirectStatus, List<AuthorizationStep> steps) {
        this.name = name;
        this.redirectStatus = redirectStatus;
        this.steps = List.copyOf(steps);
    }

    /** A pipeline answering the client's own request: its redirects are 302 Found. */
    static Pipeline answeringRequest(String name, List<AuthorizationStep> steps) {
        return new Pipeline(name, 302, steps);
    }

    /** A pipeline answering one of Lanyard's forms: 303 See Other, so the browser follows with a GET. */
    static Pipeline answeringFormPost(String name, List<AuthorizationStep> steps) {
        return new Pipeline(name, 303, steps);
    }

    public String name() {
        return name;
    }

    /** The status of the redirects this pipeline's answers make. */
    public int redirectStatus() {
        return redirectStatus;
    }

    public List<String> stepNames() {
        return steps.stream().map(AuthorizationStep::name).toList();
    }

    /** The first answer a step gives; a step that throws or fails fails the run. */
    public Future<StepResult> run(AuthorizationState state) {
        return runFrom(0, state);
    }

    private Future<StepResult> runFrom(int index, AuthorizationState state) {
        if (index == steps.size()) {
            return Future.failedFuture(new IllegalStateException("the " + name + " pipeline ended without an answer"));
        }
        AuthorizationStep step = steps.get(index);
        Future<StepResult> decided;
        try {
            decided = step.apply(state);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        return decided.compose(result -> {
            if (result instanceof StepResult.Continue next) {
                return runFrom(index + 1, next.state());
            }
            if (result instanceof StepResult.ShowErrorPage && state.redirectUriTrusted()) {
                return Future.failedFuture(new IllegalStateException("step '" + step.name() + "' of the " + name
                        + " pipeline answered with an error page after the redirect URI was trusted"));
            }
            return Future.succeededFuture(result);
        });
    }
}
