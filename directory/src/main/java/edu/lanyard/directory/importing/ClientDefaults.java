package edu.lanyard.directory.importing;

import edu.lanyard.dialects.ClientProfile;
import edu.lanyard.dialects.ProductDialects;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What an imported client gets when its entry leaves something out. */
final class ClientDefaults {
    static final String STANDARD_DIALECT = "standard";
    static final Set<String> DIALECTS = Set.of("standard", "ketanyun", "maxkey", "authz", "cas", "phpsso");
    static final String DEFAULT_ID_TOKEN_ALG = "RS256";

    /**
     * docs/products.md decision 8: apps of these products may keep presenting the first refresh token they got (CAS
     * never rotated, MaxKey re-used them), so rotation is off unless asked for.
     */
    private static final Set<String> NON_ROTATING_DIALECTS = Set.of("maxkey", "authz", "cas", "ketanyun");

    private ClientDefaults() {
    }

    /** A public client always rotates; it has no secret to bind a long-lived refresh token to. */
    static boolean rotateRefreshTokens(Boolean requested, String dialect, boolean publicClient) {
        if (publicClient) {
            return true;
        }
        if (requested != null) {
            return requested;
        }
        return !NON_ROTATING_DIALECTS.contains(dialect(dialect));
    }

    static String dialect(String requested) {
        return requested == null ? STANDARD_DIALECT : requested;
    }

    /**
     * Redirect URI matching names a product used, accepted as written in an import file (decision 3): MaxKey and the
     * PHP SSO compared prefixes, CAS matched its service regex.
     */
    private static final Map<String, String> MATCH_ALIASES = Map.of(
            "maxkey", "prefix", "authz", "prefix", "phpsso", "prefix", "cas", "regex", "ketanyun", "exact",
            "standard", "exact");

    /**
     * The matching mode of a client: the one it names (product aliases resolved), or its product's when it names a
     * dialect and no mode (decision 3), or exact. An unknown value comes back lower-cased for the validator to name.
     */
    static String redirectUriMatch(String requested, String dialect) {
        if (requested != null) {
            String lower = requested.trim().toLowerCase(Locale.ROOT);
            return MATCH_ALIASES.getOrDefault(lower, lower);
        }
        return product(dialect).map(ClientProfile::redirectUriMatch).orElse("exact");
    }

    /** The product's lifetimes and matching for a client that names a product dialect. */
    static Optional<ClientProfile> product(String dialect) {
        return ProductDialects.clientDefaults(dialect(dialect));
    }
}
