package edu.lanyard.common.http;

import java.util.Optional;

/**
 * Checks that a query string, a path or an {@code application/x-www-form-urlencoded} body decodes to proper text:
 * every {@code %} starts a two-digit hex escape, the decoded bytes are UTF-8, and no NUL character appears. Libraries
 * decode leniently (malformed UTF-8 becomes U+FFFD) or fail late with the whole input in the message; this
 * answers up front, and its reasons quote nothing of the input. It runs on every request, so it decodes nothing
 * into memory: one pass, no allocation.
 */
public final class UrlEncoding {
    static final String BAD_ESCAPE = "bad percent-encoding";
    static final String NOT_UTF8 = "text that is not UTF-8";
    static final String NUL = "a NUL character";

    private UrlEncoding() {
    }

    /**
     * Why {@code text}, a raw (undecoded) path or query string, is not well-formed, or empty when it is. Its
     * characters up to U+00FF stand for the bytes of the request line (the HTTP server reads that line as
     * ISO-8859-1); a character above U+00FF counts as itself.
     */
    public static Optional<String> problem(CharSequence text) {
        if (text == null) {
            return Optional.empty();
        }
        Utf8 utf8 = new Utf8();
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            int b;
            if (c == '%') {
                b = i + 2 < n ? escape(text.charAt(i + 1), text.charAt(i + 2)) : -1;
                if (b < 0) {
                    return Optional.of(BAD_ESCAPE);
                }
                i += 2;
            } else if (c <= 0xFF) {
                b = c;
            } else {
                // Text a library already decoded: whole characters, well-formed unless a surrogate stands alone.
                boolean paired = Character.isHighSurrogate(c) && i + 1 < n
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (utf8.inSequence() || Character.isLowSurrogate(c) || (Character.isHighSurrogate(c) && !paired)) {
                    return Optional.of(NOT_UTF8);
                }
                i += paired ? 1 : 0;
                continue;
            }
            Optional<String> problem = utf8.next(b);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return utf8.end();
    }

    /** The same check on the raw bytes of a form body. */
    public static Optional<String> problem(byte[] body) {
        if (body == null) {
            return Optional.empty();
        }
        Utf8 utf8 = new Utf8();
        for (int i = 0; i < body.length; i++) {
            int b = body[i] & 0xFF;
            if (b == '%') {
                b = i + 2 < body.length ? escape(body[i + 1], body[i + 2]) : -1;
                if (b < 0) {
                    return Optional.of(BAD_ESCAPE);
                }
                i += 2;
            }
            Optional<String> problem = utf8.next(b);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return utf8.end();
    }

    private static int escape(int high, int low) {
        int h = hex(high);
        int l = hex(low);
        return h < 0 || l < 0 ? -1 : h * 16 + l;
    }

    /** The value of an ASCII hex digit, or -1 (other scripts' digits are not hex digits in a URL). */
    private static int hex(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** RFC 3629 §4 byte by byte: no overlong forms, no surrogates, nothing above U+10FFFF. */
    private static final class Utf8 {
        private int remaining;
        private int low = 0x80;
        private int high = 0xBF;

        boolean inSequence() {
            return remaining > 0;
        }

        Optional<String> next(int b) {
            if (remaining > 0) {
                if (b < low || b > high) {
                    return Optional.of(NOT_UTF8);
                }
                remaining--;
                low = 0x80;
                high = 0xBF;
                return Optional.empty();
            }
            if (b == 0) {
                return Optional.of(NUL);
            }
            if (b < 0x80) {
                return Optional.empty();
            }
            if (b >= 0xC2 && b <= 0xDF) {
                remaining = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                remaining = 2;
                low = b == 0xE0 ? 0xA0 : 0x80;
                high = b == 0xED ? 0x9F : 0xBF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                remaining = 3;
                low = b == 0xF0 ? 0x90 : 0x80;
                high = b == 0xF4 ? 0x8F : 0xBF;
            } else {
                return Optional.of(NOT_UTF8);
            }
            return Optional.empty();
        }

        Optional<String> end() {
            return remaining > 0 ? Optional.of(NOT_UTF8) : Optional.empty();
        }
    }
}
