package edu.lanyard.authorize.page;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The username/password form. Posts {@code username}, {@code password}, {@value CsrfTokens#FIELD} and
 * {@value #REQUEST_ID_FIELD} to {@code formAction}.
 *
 * @param clientName   the application's display name (escaped; any text is safe)
 * @param formAction   where the form posts
 * @param requestId    the pending authorization request id, sent back as {@value #REQUEST_ID_FIELD}
 * @param csrfToken    from {@link CsrfTokens#issue}
 * @param usernameHint prefill, e.g. from {@code login_hint} or the previous attempt; null for none
 * @param problem      why the form is shown again; null on first display
 */
public record LoginPage(PageContext context, String clientName, String formAction, String requestId,
                        String csrfToken, String usernameHint, LoginProblem problem) {

    public static final String REQUEST_ID_FIELD = "rid";
    public static final String USERNAME_FIELD = "username";
    public static final String PASSWORD_FIELD = "password";

    public LoginPage {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(formAction, "formAction");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(csrfToken, "csrfToken");
        usernameHint = usernameHint == null ? "" : usernameHint;
    }

    public LoginPage withProblem(LoginProblem newProblem, String username) {
        return new LoginPage(context, clientName, formAction, requestId, csrfToken, username, newProblem);
    }

    public String render(PageRenderer renderer) {
        Map<String, Object> model = new HashMap<>();
        model.put("clientName", clientName);
        model.put("formAction", formAction);
        model.put("requestId", requestId);
        model.put("csrf", csrfToken);
        model.put("username", usernameHint);
        model.put("problem", problem == null ? "" : context.messages().get(problem.messageKey()));
        return renderer.render("login", context, model);
    }
}
