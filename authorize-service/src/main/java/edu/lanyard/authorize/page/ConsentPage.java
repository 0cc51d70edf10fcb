package edu.lanyard.authorize.page;

import edu.lanyard.core.oidc.StandardClaims;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Objects;

/**
 * Asks the signed-in user to let an application have the requested scopes. Posts {@value #DECISION_FIELD} =
 * {@value #APPROVE} or {@value #DENY}, plus {@value CsrfTokens#FIELD} and {@value LoginPage#REQUEST_ID_FIELD}.
 *
 * @param scopes     requested scope names, in the order to show them
 * @param signedInAs the user's display name or username; null to leave it out
 * @param released   every claim name the app will receive (scope claims the user has a value for, and claims asked
 *                   for by name); null to describe each standard scope by all the claims it can release
 * @param requested  claim names the app asked for with the claims parameter, shown in their own row when no
 *                   requested scope covers them
 */
public record ConsentPage(PageContext context, String clientName, String formAction, String requestId,
                          String csrfToken, List<String> scopes, String signedInAs, Set<String> released,
                          Set<String> requested) {

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
        released = released == null ? null : Set.copyOf(released);
        requested = requested == null ? Set.of() : Set.copyOf(requested);
    }

    /** A consent page for scopes alone, describing each standard scope by every claim it can release. */
    public ConsentPage(PageContext context, String clientName, String formAction, String requestId,
                       String csrfToken, List<String> scopes, String signedInAs) {
        this(context, clientName, formAction, requestId, csrfToken, scopes, signedInAs, null, Set.of());
    }

    public String render(PageRenderer renderer) {
        Map<String, Object> model = new HashMap<>();
        model.put("clientName", clientName);
        model.put("formAction", formAction);
        model.put("requestId", requestId);
        model.put("csrf", csrfToken);
        model.put("signedInAs", signedInAs);
        model.put("scopes", descriptions());
        return renderer.render("consent", context, model);
    }

    private List<ScopeDescription> descriptions() {
        Messages messages = context.messages();
        List<ScopeDescription> rows = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        for (String scope : scopes) {
            rows.add(released == null ? ScopeDescription.of(scope, messages)
                    : ScopeDescription.of(scope, messages, released));
            covered.addAll(StandardClaims.namesFor(scope));
        }
        Set<String> extra = new LinkedHashSet<>();
        for (String name : requested) {
            if (!covered.contains(name) && !"sub".equals(name) && (released == null || released.contains(name))) {
                extra.add(name);
            }
        }
        if (!extra.isEmpty()) {
            rows.add(ScopeDescription.requestedClaims(extra, messages));
        }
        return rows;
    }
}
