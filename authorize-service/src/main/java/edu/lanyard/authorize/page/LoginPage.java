package edu.lanyard.authorize.page;

import java.time.Duration;
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
 * @param lockRemaining for {@link LoginProblem#ACCOUNT_LOCKED}: how long the lock still lasts; null otherwise
 */
public record LoginPage(PageContext context, String clientName, String formAction, String requestId,
                        String csrfToken, String usernameHint, LoginProblem problem, Duration lockRemaining) {

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

    public LoginPage(PageContext context, String clientName, String formAction, String requestId, String csrfToken,
                     String usernameHint, LoginProblem problem) {
        this(context, clientName, formAction, requestId, csrfToken, usernameHint, problem, null);
    }

    public LoginPage withProblem(LoginProblem newProblem, String username) {
        return new LoginPage(context, clientName, formAction, requestId, csrfToken, username, newProblem,
                lockRemaining);
    }

    public LoginPage withLockRemaining(Duration remaining) {
        return new LoginPage(context, clientName, formAction, requestId, csrfToken, usernameHint, problem, remaining);
    }

    /** The problem's message; a lock's says in whole minutes (rounded up, at least one) when it ends. */
    private String problemMessage() {
        if (problem == null) {
            return "";
        }
        String message = context.messages().get(problem.messageKey());
        long minutes = lockRemaining == null ? 1 : Math.max(1, (lockRemaining.getSeconds() + 59) / 60);
        return message.replace("{minutes}", Long.toString(minutes));
    }

    public String render(PageRenderer renderer) {
        Map<String, Object> model = new HashMap<>();
        model.put("clientName", clientName);
        model.put("formAction", formAction);
        model.put("requestId", requestId);
        model.put("csrf", csrfToken);
        model.put("username", usernameHint);
        model.put("problem", problemMessage());
        return renderer.render("login", context, model);
    }
}
