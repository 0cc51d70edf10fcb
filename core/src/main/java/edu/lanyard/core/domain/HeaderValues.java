package edu.lanyard.core.domain;

/**
 * The characters a value built from request input may never carry into a response header. A CR or LF ends the
 * header line (a folded {@code "\r\n "} even continues it, so a client's header gets a second line), and other
 * control characters or whitespace have no place in a URL; one rule serves the request checks (redirect URIs,
 * logout targets) and the last check before a header is written.
 */
public final class HeaderValues {
    private HeaderValues() {
    }

    /**
     * Whether {@code value} may be used as a URL in a header such as {@code Location}: not null, and no control
     * character (C0, DEL, C1) and no whitespace of any kind (ASCII or Unicode, including line and paragraph
     * separators and no-break spaces).
     */
    public static boolean isSafeUri(String value) {
        if (value == null) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (isUnsafe(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isUnsafe(char c) {
        return Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
