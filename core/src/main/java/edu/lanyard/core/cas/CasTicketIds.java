package edu.lanyard.core.cas;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * CAS protocol tickets (CAS Protocol 3.0 §3): a type prefix and 32 random bytes in base64url (43 characters, all
 * URL-safe), so a ticket cannot be guessed. Stores key them by {@link edu.lanyard.core.token.TokenHash}, never by value.
 */
public final class CasTicketIds {
    public static final String SERVICE = "ST-";
    public static final String PROXY = "PT-";
    public static final String PROXY_GRANTING = "PGT-";
    public static final String PROXY_GRANTING_IOU = "PGTIOU-";
    /** CAS allows up to 32 characters for the random part, at least; ours is longer. */
    public static final int MAX_LENGTH = 256;

    private static final SecureRandom RANDOM = new SecureRandom();

    private CasTicketIds() {
    }

    public static String mint(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Only the characters a minted ticket can hold; anything else is no ticket of ours. */
    public static boolean wellFormed(String ticket) {
        if (ticket == null || ticket.length() > MAX_LENGTH || ticket.isEmpty()) {
            return false;
        }
        for (int i = 0; i < ticket.length(); i++) {
            char c = ticket.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
