package edu.lanyard.common.importing;

import java.util.Set;

/** What an imported client gets when its entry leaves something out. */
final class ClientDefaults {
    static final String STANDARD_DIALECT = "standard";
    static final Set<String> DIALECTS = Set.of("standard", "ketanyun", "maxkey", "authz", "cas", "phpsso");
    static final String DEFAULT_ID_TOKEN_ALG = "RS256";

    /**
     * dialects.md decision 8: apps of these products may keep presenting the first refresh token they got (CAS never
     * rotated, MaxKey re-used them), so rotation is off unless asked for.
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
}
