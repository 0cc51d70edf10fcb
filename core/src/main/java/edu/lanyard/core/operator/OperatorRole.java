package edu.lanyard.core.operator;

import edu.lanyard.core.domain.User;
import edu.lanyard.core.oidc.StandardClaims;

import java.util.Collection;
import java.util.List;

/**
 * Whether a user may operate Lanyard through the console: an enabled user whose {@code roles} (imported roles, or a
 * directory user's group names, docs/directory.md) or {@code groups} attribute holds the configured operator role.
 * Names compare exactly: "Lanyard-Operator" is another group.
 */
public final class OperatorRole {
    /** Attributes that hold role or group names: a string, or a list of strings. */
    static final List<String> ATTRIBUTES = List.of(StandardClaims.ROLES, "groups");

    private final String role;

    public OperatorRole(String role) {
        if (role == null || role.isBlank()) {
            throw new IllegalArgumentException("console.operatorRole must name a role");
        }
        this.role = role.strip();
    }

    public String role() {
        return role;
    }

    public boolean heldBy(User user) {
        if (user == null || user.disabled()) {
            return false;
        }
        for (String attribute : ATTRIBUTES) {
            if (names(user.attributes().get(attribute))) {
                return true;
            }
        }
        return false;
    }

    private boolean names(Object value) {
        if (value instanceof String single) {
            // one role, or an imported comma-separated list
            for (String part : single.split(",")) {
                if (part.strip().equals(role)) {
                    return true;
                }
            }
            return false;
        }
        if (value instanceof Collection<?> many) {
            return many.stream().anyMatch(item -> item instanceof String name && name.strip().equals(role));
        }
        return false;
    }
}
