package edu.lanyard.authorize.pipeline;

import edu.lanyard.authorize.AuthorizationRequest;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.oidc.StandardClaims;
import edu.lanyard.core.session.SessionRecord;
import edu.lanyard.core.token.Scopes;
import io.vertx.core.Future;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The signed-in user has consented to the scope, when the client requires consent (or the request asks for it
 * with prompt=consent). Otherwise the user is asked — or, with prompt=none, the client hears consent_required.
 */
public final class CheckConsent implements AuthorizationStep {
    private final Consents consents;
    private final PendingAuthorizations pending;

    public CheckConsent(Consents consents, PendingAuthorizations pending) {
        this.consents = consents;
        this.pending = pending;
    }

    @Override
    public String name() {
        return "consent";
    }

    @Override
    public Future<StepResult> apply(AuthorizationState state) {
        AuthorizationRequest request = state.request();
        return needed(state.client(), request, state.session()).compose(needed -> {
            if (!needed) {
                return Future.succeededFuture(new StepResult.Continue(state));
            }
            if (request.hasPrompt("none")) {
                return Future.succeededFuture(new StepResult.RedirectError(request,
                        new OAuthError("consent_required", "the user has not consented", 400)));
            }
            return pending.park(request)
                    .map(rid -> new StepResult.NeedConsent(state.client(), request, state.session(), rid));
        });
    }

    private Future<Boolean> needed(Client client, AuthorizationRequest request, SessionRecord session) {
        if (request.hasPrompt("consent")) {
            return Future.succeededFuture(true);
        }
        if (!client.requireConsent()) {
            return Future.succeededFuture(false);
        }
        return consents.grantedScope(session.subject(), client.clientId())
                .map(granted -> !Scopes.parse(granted.orElse("")).containsAll(consentedScopeNeeded(request)));
    }

    /**
     * The requested scope, and the scope of each claim asked for by name (OIDC Core §5.5): a consent to
     * {@code openid email} does not cover {@code given_name} asked for through the claims parameter.
     */
    private static Set<String> consentedScopeNeeded(AuthorizationRequest request) {
        Set<String> needed = new LinkedHashSet<>(Scopes.parse(request.scope()));
        for (String claim : request.claimsRequest().allNames()) {
            String scope = StandardClaims.scopeOf(claim);
            if (scope != null) {
                needed.add(scope);
            }
        }
        return needed;
    }
}
