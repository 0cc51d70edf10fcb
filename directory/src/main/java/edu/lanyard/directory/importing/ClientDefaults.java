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

    /** The products whose registration kept several redirect URIs in one comma-separated string (MaxKey's). */
    private static final Set<String> COMMA_LISTED_REDIRECTS = Set.of("maxkey", "authz");

    /**
     * A MaxKey client's registered redirect URIs as MaxKey read them: one string may hold several, separated by
     * commas (docs/dialects.md C.2), each of which is then validated on its own. Regex-matched entries are left
     * whole, since a comma there is part of the pattern; other dialects' entries are never split.
     */
    static java.util.List<String> redirectUris(java.util.List<String> entries, String dialect, String match) {
        if (!COMMA_LISTED_REDIRECTS.contains(dialect(dialect)) || "regex".equals(redirectUriMatch(match, dialect))) {
            return entries;
        }
        java.util.List<String> split = new java.util.ArrayList<>();
        for (String entry : entries) {
            if (entry == null || entry.indexOf(',') < 0) {
                split.add(entry);
                continue;
            }
            for (String part : entry.split(",", -1)) {
                split.add(withoutSpaces(part));
            }
        }
        return java.util.Collections.unmodifiableList(split);
    }

    /** Spaces around a listed URI go; a control character stays, for the validator to name. */
    private static String withoutSpaces(String part) {
        int from = 0;
        int to = part.length();
        while (from < to && part.charAt(from) == ' ') {
            from++;
        }
        while (to > from && part.charAt(to - 1) == ' ') {
            to--;
        }
        return part.substring(from, to);
    }
}
