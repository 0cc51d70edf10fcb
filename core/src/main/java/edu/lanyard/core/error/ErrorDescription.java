package edu.lanyard.core.error;

/**
 * RFC 6749 §5.2 limits {@code error_description} to printable ASCII without {@code "} and {@code \}. Descriptions
 * often quote what the client sent (a grant type, a scope), which may be anything: this makes them conform and keeps
 * an echoed value from making the answer larger than the request.
 */
public final class ErrorDescription {
    static final int MAX_LENGTH = 256;

    private ErrorDescription() {
    }

    /** The description with every character outside %x20-21 / %x23-5B / %x5D-7E replaced by '?', shortened. */
    public static String rfc6749(String description) {
        if (description == null) {
            return null;
        }
        int length = Math.min(description.length(), MAX_LENGTH);
        StringBuilder safe = new StringBuilder(length + 3);
        for (int i = 0; i < length; i++) {
            char c = description.charAt(i);
            safe.append(allowed(c) ? c : '?');
        }
        if (description.length() > MAX_LENGTH) {
            safe.append("...");
        }
        return safe.toString();
    }

    private static boolean allowed(char c) {
        return c == 0x20 || c == 0x21 || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
    }
}
