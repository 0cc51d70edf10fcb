package edu.lanyard.authorize.page;

import edu.lanyard.core.oidc.StandardClaims;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a scope lets an application do, in the page's language. A scope without a bundled description is shown as an
 * app-specific permission together with its raw name, so a consent screen never hides what is being asked for.
 *
 * @param claims for a scope that releases standard claims (OIDC Core §5.4): the names of the claims that will be
 *               released, in the page's language and joined; empty for other scopes
 */
public record ScopeDescription(String scope, String title, String description, boolean known, String claims) {

    public ScopeDescription(String scope, String title, String description, boolean known) {
        this(scope, title, description, known, "");
    }

    /** The scope with the claims it releases in general (§5.4), when the user's own data is not at hand. */
    public static ScopeDescription of(String scope, Messages messages) {
        return of(scope, messages, StandardClaims.namesFor(scope));
    }

    /**
     * The scope with the claims it will release: {@code released} are every claim name the response will carry, so a
     * standard scope lists just those of its own claims the user has a value for.
     */
    public static ScopeDescription of(String scope, Messages messages, Collection<String> released) {
        String key = "scope_" + scope.replaceAll("[^A-Za-z0-9_]", "_");
        if (!messages.has(key + "_title")) {
            return new ScopeDescription(scope, messages.get("scope_other_title"), messages.get("scope_other_desc"),
                    false);
        }
        List<String> own = StandardClaims.namesFor(scope).stream().filter(released::contains).toList();
        String claims;
        if (!StandardClaims.namesFor(scope).isEmpty() && own.isEmpty()) {
            claims = messages.get("consent_nothing_on_file");
        } else {
            claims = labels(own, messages);
        }
        return new ScopeDescription(scope, messages.get(key + "_title"), messages.get(key + "_desc"), true, claims);
    }

    /** The row for claims the app asked for by name (the claims parameter) beyond what its scopes release. */
    public static ScopeDescription requestedClaims(Collection<String> names, Messages messages) {
        return new ScopeDescription("claims", messages.get("consent_claims_title"),
                messages.get("consent_claims_desc"), true, labels(names, messages));
    }

    /** Claim names in the page's language, in the specification's order. */
    static String labels(Collection<String> names, Messages messages) {
        return StandardClaims.SUPPORTED.stream().filter(names::contains)
                .map(name -> messages.get("claim_" + name))
                .collect(Collectors.joining(messages.get("claim_list_separator")));
    }
}
