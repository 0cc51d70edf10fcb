package edu.lanyard.core.token;

import edu.lanyard.core.error.OAuthError;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Scope strings are space-delimited, unordered sets (RFC 6749 §3.3). Only the space delimits: '+' and other
 * printable characters belong to the scope token (a form-encoded '+' is already a space when it gets here).
 */
public final class Scopes {
    private Scopes() {
    }

    public static Set<String> parse(String scope) {
        Set<String> set = new LinkedHashSet<>();
        if (scope != null) {
            Arrays.stream(scope.trim().split(" +")).filter(s -> !s.isEmpty()).forEach(set::add);
        }
        return set;
    }

    public static String join(Set<String> scopes) {
        return String.join(" ", scopes);
    }

    /**
     * The scope to grant: what was asked for if every part of it is allowed, or everything allowed when nothing was
     * asked for. Anything outside the allowed set is invalid_scope.
     */
    public static String grant(String requested, List<String> allowed) {
        Set<String> asked = parse(requested);
        if (asked.isEmpty()) {
            return String.join(" ", allowed);
        }
        for (String scope : asked) {
            if (!allowed.contains(scope)) {
                throw OAuthError.invalidScope("scope not allowed for this client: " + scope).toException();
            }
        }
        return join(asked);
    }

    /** On refresh the scope may only narrow (RFC 6749 §6). */
    public static String narrow(String requested, String original) {
        Set<String> asked = parse(requested);
        if (asked.isEmpty()) {
            return original;
        }
        Set<String> granted = parse(original);
        for (String scope : asked) {
            if (!granted.contains(scope)) {
                throw OAuthError.invalidScope("scope exceeds the original grant: " + scope).toException();
            }
        }
        return join(asked);
    }

    public static boolean contains(String scope, String wanted) {
        return parse(scope).contains(wanted);
    }
}
