package edu.lanyard.core.oidc;

import edu.lanyard.core.domain.User;
import edu.lanyard.core.token.Scopes;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OIDC Core §5.1 standard claims and §5.4 release by scope, filled from the user record. Only claims with a value are
 * released: a relying party that reads {@code given_name} gets a string or nothing, never null.
 */
public final class StandardClaims {
    /** §5.4: what {@code profile} asks for, in the specification's order. */
    public static final List<String> PROFILE = List.of("name", "family_name", "given_name", "middle_name", "nickname",
            "preferred_username", "profile", "picture", "website", "gender", "birthdate", "zoneinfo", "locale",
            "updated_at");
    public static final List<String> EMAIL = List.of("email", "email_verified");
    public static final List<String> ADDRESS = List.of("address");
    public static final List<String> PHONE = List.of("phone_number", "phone_number_verified");
    /** Not an OIDC scope: Lanyard's own, releasing the user's {@code roles} attribute (groups) as a claim. */
    public static final String ROLES = "roles";

    /** Every claim Lanyard can release (discovery's {@code claims_supported}); {@code sub} always is. */
    public static final List<String> SUPPORTED = supported();

    /** The members of the §5.1.1 address claim. */
    public static final List<String> ADDRESS_FIELDS = List.of("formatted", "street_address", "locality", "region",
            "postal_code", "country");

    /** Product attributes that held these claims before users had standard claims; read when the claim is unset. */
    private static final Map<String, String> LEGACY_ATTRIBUTES = Map.of(
            "nickname", "nickname", "gender", "gender", "birthdate", "birthday", "locale", "locale",
            "email_verified", "email_verified", "phone_number_verified", "phone_number_verified");

    private StandardClaims() {
    }

    /** The claim names the scopes release (§5.4), in a stable order; scopes that are not standard release none. */
    public static Set<String> namesFor(String scope) {
        Set<String> scopes = Scopes.parse(scope);
        Set<String> names = new LinkedHashSet<>();
        if (scopes.contains("profile")) {
            names.addAll(PROFILE);
        }
        if (scopes.contains("email")) {
            names.addAll(EMAIL);
        }
        if (scopes.contains("address")) {
            names.addAll(ADDRESS);
        }
        if (scopes.contains("phone")) {
            names.addAll(PHONE);
        }
        return names;
    }

    /** The standard scope that releases the claim (§5.4), or null for {@code sub} and names that are no claim. */
    public static String scopeOf(String claim) {
        if (PROFILE.contains(claim)) {
            return "profile";
        }
        if (EMAIL.contains(claim)) {
            return "email";
        }
        if (ADDRESS.contains(claim)) {
            return "address";
        }
        return PHONE.contains(claim) ? "phone" : null;
    }

    /** {@code sub} and what the scopes release. */
    public static Map<String, Object> of(User user, String scope) {
        return of(user, scope, Set.of());
    }

    /**
     * {@code sub}, what the scopes release, and the claims individually requested (§5.5) even without their scope.
     * Requested names that are not standard claims are ignored: only the user's own standard data is released.
     */
    public static Map<String, Object> of(User user, String scope, Collection<String> requested) {
        Set<String> names = namesFor(scope);
        for (String name : requested) {
            if (SUPPORTED.contains(name)) {
                names.add(name);
            }
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", user.subject());
        for (String name : SUPPORTED) {
            if (names.contains(name)) {
                Object value = value(user, name);
                if (value != null) {
                    claims.put(name, value);
                }
            }
        }
        Object roles = user.attributes().get(ROLES);
        if (roles != null && Scopes.parse(scope).contains(ROLES)) {
            // Group names (a directory user's groups, or imported roles): only to clients granted the "roles" scope.
            claims.put(ROLES, roles);
        }
        return claims;
    }

    /** One claim's value for the user, or null when the user has none. */
    public static Object value(User user, String claim) {
        switch (claim) {
            case "sub":
                return user.subject();
            case "name":
                return text(user.name());
            case "email":
                return text(user.email());
            case "phone_number":
                return text(user.phone());
            case "preferred_username":
                Object preferred = present(user.claim(claim));
                return preferred != null ? preferred : user.username();
            case "updated_at":
                return user.updatedAt() == null ? null : user.updatedAt().getEpochSecond();
            case "email_verified":
                return user.email() == null ? null : verified(user, claim);
            case "phone_number_verified":
                return user.phone() == null ? null : verified(user, claim);
            default:
                Object own = present(user.claim(claim));
                if (own != null) {
                    return own;
                }
                String legacy = LEGACY_ATTRIBUTES.get(claim);
                return legacy == null ? null : text(user.attribute(legacy));
        }
    }

    /** A stored boolean, or the legacy "true" attribute; false when nothing says the address was checked. */
    private static Boolean verified(User user, String claim) {
        Object own = user.claim(claim);
        if (own instanceof Boolean b) {
            return b;
        }
        return "true".equals(user.attribute(LEGACY_ATTRIBUTES.get(claim)));
    }

    private static Object present(Object value) {
        if (value instanceof String s) {
            return text(s);
        }
        if (value instanceof Map<?, ?> map && map.isEmpty()) {
            return null;
        }
        return value;
    }

    private static String text(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static List<String> supported() {
        List<String> all = new java.util.ArrayList<>();
        all.add("sub");
        all.addAll(PROFILE);
        all.addAll(EMAIL);
        all.addAll(ADDRESS);
        all.addAll(PHONE);
        return List.copyOf(all);
    }
}
