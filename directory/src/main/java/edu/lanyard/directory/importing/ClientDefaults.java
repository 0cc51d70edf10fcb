package edu.lanyard.directory.importing;

import edu.lanyard.dialects.ClientProfile;
import edu.lanyard.dialects.ProductDialects;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What an imported client gets when its entry leaves something out. */
final class ClientDefaults {
    static final String STANDARD_DIALECT = "standard";
    static final Set<String> DIALECTS = dialects();
    static final String DEFAULT_ID_TOKEN_ALG = "RS256";

    private ClientDefaults() {
    }

    private static Set<String> dialects() {
        Set<String> names = new java.util.HashSet<>(ProductDialects.NAMES);
        names.add(STANDARD_DIALECT);
        return Set.copyOf(names);
    }

    /**
     * A public client always rotates; it has no secret to bind a long-lived refresh token to. Otherwise the product
     * decides (docs/products.md decision 8, in each product's import defaults); standard clients rotate.
     */
    static boolean rotateRefreshTokens(Boolean requested, String dialect, boolean publicClient) {
        if (publicClient) {
            return true;
        }
        if (requested != null) {
            return requested;
        }
        return product(dialect).map(ClientProfile::rotateRefreshTokens).orElse(true);
    }

    static String dialect(String requested) {
        return requested == null ? STANDARD_DIALECT : requested;
    }

    /**
     * The matching mode of a client: the one it names (product aliases resolved), or its product's when it names a
     * dialect and no mode (decision 3), or exact. An unknown value comes back lower-cased for the validator to name.
     */
    static String redirectUriMatch(String requested, String dialect) {
        if (requested != null) {
            // A product's name stands for the matching that product used (decision 3): MaxKey and the PHP SSO
            // compared prefixes, CAS matched its service regex.
            String lower = requested.trim().toLowerCase(Locale.ROOT);
            return lower.equals(STANDARD_DIALECT) ? "exact"
                    : ProductDialects.clientDefaults(lower).map(ClientProfile::redirectUriMatch).orElse(lower);
        }
        return product(dialect).map(ClientProfile::redirectUriMatch).orElse("exact");
    }

    /** The product's lifetimes and matching for a client that names a product dialect. */
    static Optional<ClientProfile> product(String dialect) {
        return ProductDialects.clientDefaults(dialect(dialect));
    }
}
