package edu.lanyard.authorize.pipeline;

import edu.lanyard.authorize.page.ErrorKind;
import edu.lanyard.core.error.OAuthError;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static edu.lanyard.authorize.pipeline.Fixtures.params;
import static edu.lanyard.authorize.pipeline.Fixtures.received;
import static edu.lanyard.authorize.pipeline.Fixtures.request;
import static edu.lanyard.authorize.pipeline.Fixtures.trusted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineTest {
    private final List<String> ran = new ArrayList<>();

    /** A step that records that it ran and answers {@code answer}, or hands on {@code next} (or its input). */
    private AuthorizationStep step(String name, StepResult answer) {
        return new AuthorizationStep() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Future<StepResult> apply(AuthorizationState state) {
                ran.add(name);
                return Future.succeededFuture(answer != null ? answer : new StepResult.Continue(state));
            }
        };
    }

    private static final StepResult.ShowErrorPage PAGE =
            new StepResult.ShowErrorPage(ErrorKind.BAD_REQUEST, "invalid_request", "bad");

    @Test
    void stepsRunInOrderUntilOneAnswers() {
        StepResult.RedirectError answer = new StepResult.RedirectError(request(), OAuthError.invalidRequest("no"));
        Pipeline pipeline = Pipeline.answeringRequest("test", List.of(step("a", null), step("b", answer),
                step("c", null)));

        Future<StepResult> result = pipeline.run(received(params()));

        assertSame(answer, result.result());
        assertEquals(List.of("a", "b"), ran);
    }

    @Test
    void eachStepGetsWhatThePreviousOneEstablished() {
        AuthorizationState trusted = trusted(Fixtures.client().build(), request());
        List<AuthorizationState> seen = new ArrayList<>();
        AuthorizationStep establishes = new AuthorizationStep() {
            @Override
            public String name() {
                return "establishes";
            }

            @Override
            public Future<StepResult> apply(AuthorizationState state) {
                return Future.succeededFuture(new StepResult.Continue(trusted));
            }
        };
        AuthorizationStep reads = new AuthorizationStep() {
            @Override
            public String name() {
                return "reads";
            }

            @Override
            public Future<StepResult> apply(AuthorizationState state) {
                seen.add(state);
                return Future.succeededFuture(PAGE);
            }
        };

        Pipeline.answeringRequest("test", List.of(establishes, reads)).run(received(params()));

        assertEquals(List.of(trusted), seen);
    }

    @Test
    void anErrorPageBeforeTheRedirectUriIsTrustedIsAnAnswer() {
        Future<StepResult> result = Pipeline.answeringRequest("test", List.of(step("page", PAGE)))
                .run(received(params()));

        assertSame(PAGE, result.result());
    }

    @Test
    void anErrorPageAfterTheRedirectUriIsTrustedIsAFault() {
        Future<StepResult> result = Pipeline.answeringRequest("test", List.of(step("late page", PAGE)))
                .run(trusted(Fixtures.client().build(), request()));

        assertTrue(result.failed());
        assertInstanceOf(IllegalStateException.class, result.cause());
    }

    @Test
    void aPipelineThatNeverAnswersIsAFault() {
        Future<StepResult> result = Pipeline.answeringRequest("test", List.of(step("a", null)))
                .run(received(params()));

        assertInstanceOf(IllegalStateException.class, result.cause());
    }

    @Test
    void aStepThatThrowsFailsTheRunAndStopsIt() {
        AuthorizationStep throwing = new AuthorizationStep() {
            @Override
            public String name() {
                return "throws";
            }

            @Override
            public Future<StepResult> apply(AuthorizationState state) {
                throw new IllegalArgumentException("boom");
            }
        };

        Future<StepResult> result = Pipeline.answeringRequest("test", List.of(throwing, step("after", null)))
                .run(received(params()));

        assertInstanceOf(IllegalArgumentException.class, result.cause());
        assertEquals(List.of(), ran);
    }

    @Test
    void requestsAreAnsweredWithFoundAndFormsWithSeeOther() {
        assertEquals(302, Pipeline.answeringRequest("r", List.of()).redirectStatus());
        assertEquals(303, Pipeline.answeringFormPost("f", List.of()).redirectStatus());
    }
}
