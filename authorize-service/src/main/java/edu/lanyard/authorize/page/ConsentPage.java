package edu.lanyard.authorize.page;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Asks the signed-in user to let an application have the requested scopes. Posts {@value #DECISION_FIELD} =
 * {@value #APPROVE} or {@value #DENY}, plus {@value CsrfTokens#FIELD} and {@value LoginPage#REQUEST_ID_FIELD}.
 *
 * @param scopes     requested scope names, in the order to show them
 * @param signedInAs the user's display name or username; null to leave it out
 */
public record ConsentPage(PageContext context, String clientName, String formAction, String requestId,
                          String csrfToken, List<String> scopes, String signedInAs) {

    public static final String DECISION_FIELD = "decision";
    public static final String APPROVE = "approve";
    public static final String DENY = "deny";

    public ConsentPage {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(formAction, "formAction");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(csrfToken, "csrfToken");
        scopes = List.copyOf(scopes);
        signedInAs = signedInAs == null ? "" : signedInAs;
    }

    public String render(PageRenderer renderer) {
        Map<String, Object> model = new HashMap<>();
        model.put("clientName", clientName);
        model.put("formAction", formAction);
        model.put("requestId", requestId);
        model.put("csrf", csrfToken);
        model.put("signedInAs", signedInAs);
        model.put("scopes", scopes.stream().map(scope -> ScopeDescription.of(scope, context.messages())).toList());
        return renderer.render("consent", context, model);
    }
}
