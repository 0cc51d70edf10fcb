package edu.lanyard.dialects.cas.protocol;

/** XML text and attribute escaping, and what may be an element name. */
public final class Xml {
    private Xml() {
    }

    /**
     * Escapes the five markup characters; characters XML 1.0 cannot carry at all (most control characters, lone
     * surrogates) become U+FFFD, so no value can break the document.
     */
    public static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        out.append(c).append(value.charAt(++i));
                    } else if (c == '\t' || c == '\n' || c == '\r'
                            || c >= 0x20 && c <= 0xD7FF && c != 0x7F || c >= 0xE000 && c <= 0xFFFD) {
                        out.append(c);
                    } else {
                        out.append('\uFFFD');
                    }
                }
            }
        }
        return out.toString();
    }

    /** A name usable as {@code <cas:NAME>}: ASCII letters, digits, {@code _ - .}, not starting with a digit. */
    public static boolean isName(String name) {
        if (name == null || name.isEmpty() || name.length() > 128) {
            return false;
        }
        char first = name.charAt(0);
        if (!(Character.isLetter(first) && first < 128 || first == '_')) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.');
            if (!ok) {
                return false;
            }
        }
        return !name.regionMatches(true, 0, "xml", 0, Math.min(3, name.length())) || name.length() < 3;
    }
}
