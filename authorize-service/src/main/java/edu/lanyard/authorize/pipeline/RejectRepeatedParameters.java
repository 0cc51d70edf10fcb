package edu.lanyard.authorize.pipeline;

import edu.lanyard.authorize.page.ErrorKind;

import java.util.List;

/**
 * RFC 6749 §3.1: no parameter may be sent twice. Checked before the redirect URI (which might itself be the
 * repeated one), so the error is a page. Only the standard endpoint runs it: the products took the first value.
 */
public final class RejectRepeatedParameters implements ImmediateStep {

    @Override
    public String name() {
        return "reject repeated parameters";
    }

    @Override
    public StepResult decide(AuthorizationState state) {
        List<String> repeated = state.params().repeated();
        if (!repeated.isEmpty()) {
            return new StepResult.ShowErrorPage(ErrorKind.BAD_REQUEST, "invalid_request",
                    "parameter included more than once: " + String.join(", ", repeated));
        }
        return new StepResult.Continue(state);
    }
}
