package edu.lanyard.authorize.page;

/**
 * What a scope lets an application do, in the page's language. A scope without a bundled description is shown as an
 * app-specific permission together with its raw name, so a consent screen never hides what is being asked for.
 */
public record ScopeDescription(String scope, String title, String description, boolean known) {

    public static ScopeDescription of(String scope, Messages messages) {
        String key = "scope_" + scope.replaceAll("[^A-Za-z0-9_]", "_");
        if (messages.has(key + "_title")) {
            return new ScopeDescription(scope, messages.get(key + "_title"), messages.get(key + "_desc"), true);
        }
        return new ScopeDescription(scope, messages.get("scope_other_title"), messages.get("scope_other_desc"),
                false);
    }
}
