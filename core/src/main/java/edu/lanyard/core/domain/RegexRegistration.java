package edu.lanyard.core.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a redirect URI pattern can only match URLs of the hosts it names. The pattern must start with its scheme
 * ({@code http}, {@code https} or {@code https?}), {@code ://} and an authority made of literal host characters,
 * escaped dots ({@code \.}), groups of such alternatives and a port (digits, {@code \d}, {@code [0-9]} with
 * quantifiers, optional as {@code (:\d+)?}); after the authority it must go on with {@code /}, {@code \?}, {@code $}
 * or a group each of whose alternatives starts so. And it must not have a {@code |} outside a group, which would
 * let any URL match. So {@code ^https?://(127\.0\.0\.1:(8080|8700)|www\.baidu\.com)(/.*)?$} is fine, and
 * {@code https://.*\.edu/.*}, {@code https://app.edu/.*} (the '.' matches any character) or
 * {@code ^https://app\.edu.*} (matches app.edu.evil.com) are not.
 */
final class RegexRegistration {
    private static final List<String> SCHEMES = List.of("https?", "https", "http", "(?:https|http)",
            "(?:http|https)", "(https|http)", "(http|https)");

    private final String pattern;
    private int at;
    private boolean hostSeen;

    private RegexRegistration(String pattern) {
        this.pattern = pattern;
    }

    /** Why {@code pattern} could match a host it does not spell out, or empty when it cannot. */
    static Optional<String> problem(String pattern) {
        return new RegexRegistration(pattern).check();
    }

    private Optional<String> check() {
        if (topLevelAlternation(pattern)) {
            return Optional.of("must not use '|' outside a group (it lets the pattern match any URL)");
        }
        if (pattern.startsWith("^")) {
            at++;
        }
        if (!scheme()) {
            return Optional.of("must start with http://, https:// or https?:// spelled out");
        }
        if (!authority(true) || !hostSeen || !boundary(pattern.substring(at))) {
            return Optional.of("must start with a literal scheme://host[:port] followed by '/', '\\?' or '$' (dots in"
                    + " the host escaped as \\., no wildcards, classes or quantifiers), else it matches other hosts");
        }
        return Optional.empty();
    }

    private boolean scheme() {
        for (String scheme : SCHEMES) {
            if (pattern.startsWith(scheme, at)) {
                at += scheme.length();
                return slash(":") && slash("/") && slash("/");
            }
        }
        return false;
    }

    private boolean slash(String literal) {
        if (pattern.startsWith(literal, at)) {
            at += literal.length();
            return true;
        }
        if (pattern.startsWith("\\" + literal, at)) {
            at += literal.length() + 1;
            return true;
        }
        return false;
    }

    /**
     * Host characters, escaped dots, ports and groups of alternatives of those, up to the first character that
     * cannot be part of an authority (what follows is for {@link #boundary} to judge). {@code topLevel} is false
     * inside a group, whose alternatives must end at '|' or ')'. False for a malformed group or port.
     */
    private boolean authority(boolean topLevel) {
        while (at < pattern.length()) {
            char c = pattern.charAt(at);
            if (Character.isLetterOrDigit(c) && c < 0x80 || c == '-') {
                hostSeen = true;
                at++;
            } else if (pattern.startsWith("\\.", at) || pattern.startsWith("\\-", at)) {
                at += 2;
            } else if (c == ':') {
                at++;
                if (!port()) {
                    return false;
                }
            } else if (c == '(') {
                if (startsBoundaryGroup()) {
                    return topLevel;
                }
                if (!authorityGroup()) {
                    return false;
                }
            } else {
                return topLevel || c == '|' || c == ')';
            }
        }
        return topLevel;
    }

    /** {@code (host|host)} or an optional port {@code (:\d+)?}; no other quantifier after a group of hosts. */
    private boolean authorityGroup() {
        at += pattern.startsWith("(?:", at) ? 3 : 1;
        boolean portsOnly = true;
        while (true) {
            portsOnly &= at < pattern.length() && pattern.charAt(at) == ':';
            if (!authority(false) || at >= pattern.length()) {
                return false;
            }
            char end = pattern.charAt(at++);
            if (end == ')') {
                break;
            }
        }
        if (at < pattern.length() && pattern.charAt(at) == '?') {
            if (!portsOnly) {
                return false;
            }
            at++;
        }
        return at >= pattern.length() || "*+{".indexOf(pattern.charAt(at)) < 0;
    }

    private boolean startsBoundaryGroup() {
        int inner = pattern.startsWith("(?:", at) ? at + 3 : at + 1;
        return pattern.startsWith("/", inner) || pattern.startsWith("\\/", inner) || pattern.startsWith("\\?", inner);
    }

    /** Digits only: literal digits, {@code \d} or {@code [0-9]}, quantified, or groups of alternatives of those. */
    private boolean port() {
        while (at < pattern.length()) {
            char c = pattern.charAt(at);
            if (c >= '0' && c <= '9') {
                at++;
            } else if (pattern.startsWith("\\d", at)) {
                at += 2;
                quantifier();
            } else if (pattern.startsWith("[0-9]", at)) {
                at += 5;
                quantifier();
            } else if (c == '(' && !startsBoundaryGroup()
                    && (!pattern.startsWith("(?", at) || pattern.startsWith("(?:", at))) {
                at += pattern.startsWith("(?:", at) ? 3 : 1;
                while (true) {
                    if (!port() || at >= pattern.length()) {
                        return false;
                    }
                    char end = pattern.charAt(at++);
                    if (end == ')') {
                        break;
                    }
                    if (end != '|') {
                        return false;
                    }
                }
                quantifier();
            } else {
                return true;
            }
        }
        return true;
    }

    private void quantifier() {
        if (at >= pattern.length()) {
            return;
        }
        char c = pattern.charAt(at);
        if (c == '?' || c == '*' || c == '+') {
            at++;
        } else if (c == '{') {
            int close = pattern.indexOf('}', at);
            if (close > 0) {
                at = close + 1;
            }
        }
    }

    /**
     * What follows the authority keeps it from growing: '/', '\?', '$', the end, or a group whose alternatives all
     * start so; if such a group may match nothing (an empty alternative, '$', or a quantifier allowing zero), what
     * follows it must be a boundary too.
     */
    static boolean boundary(String rest) {
        if (rest.isEmpty() || rest.startsWith("$") || startsPathOrQuery(rest)) {
            return true;
        }
        boolean capturing = rest.startsWith("(") && !rest.startsWith("(?");
        if (!capturing && !rest.startsWith("(?:")) {
            return false;
        }
        int close = closingParen(rest);
        if (close < 0) {
            return false;
        }
        boolean mayBeEmpty = false;
        for (String alternative : alternatives(rest.substring(capturing ? 1 : 3, close))) {
            if (alternative.isEmpty() || alternative.startsWith("$")) {
                mayBeEmpty = true;
            } else if (!startsPathOrQuery(alternative)) {
                return false;
            }
        }
        String after = rest.substring(close + 1);
        int quantifier = quantifierLength(after);
        if (quantifier > 0) {
            char q = after.charAt(0);
            mayBeEmpty |= q == '?' || q == '*' || after.startsWith("{0") || after.startsWith("{,");
        }
        return !mayBeEmpty || boundary(after.substring(quantifier));
    }

    private static boolean startsPathOrQuery(String s) {
        return s.startsWith("/") || s.startsWith("\\/") || s.startsWith("\\?");
    }

    private static int quantifierLength(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        int length;
        char c = s.charAt(0);
        if (c == '?' || c == '*' || c == '+') {
            length = 1;
        } else if (c == '{' && s.indexOf('}') > 0) {
            length = s.indexOf('}') + 1;
        } else {
            return 0;
        }
        return length < s.length() && (s.charAt(length) == '?' || s.charAt(length) == '+') ? length + 1 : length;
    }

    /** The index of the ')' closing the group opened at 0, skipping escapes and character classes; -1 if none. */
    private static int closingParen(String s) {
        Scanner scan = new Scanner(s);
        while (scan.next()) {
            if (s.charAt(scan.index) == ')' && scan.depth == 0) {
                return scan.index;
            }
        }
        return -1;
    }

    /** The top-level alternatives of a group's content. */
    private static List<String> alternatives(String content) {
        List<String> parts = new ArrayList<>();
        Scanner scan = new Scanner(content);
        int start = 0;
        while (scan.next()) {
            if (scan.depth == 0 && content.charAt(scan.index) == '|') {
                parts.add(content.substring(start, scan.index));
                start = scan.index + 1;
            }
        }
        parts.add(content.substring(start));
        return parts;
    }

    static boolean topLevelAlternation(String pattern) {
        Scanner scan = new Scanner(pattern);
        while (scan.next()) {
            if (scan.depth == 0 && pattern.charAt(scan.index) == '|') {
                return true;
            }
        }
        return false;
    }

    /**
     * Walks a pattern's metacharacters, skipping escapes, {@code \Q…\E} quotes and character classes. {@link #depth}
     * is the number of groups around the current character ('(' and ')' count as outside the group they delimit).
     */
    private static final class Scanner {
        private final String s;
        private int index = -1;
        private int depth;
        private int open;
        private int classDepth;

        Scanner(String s) {
            this.s = s;
        }

        /** Moves to the next character outside escapes, quotes and classes; false at the end. */
        boolean next() {
            index++;
            while (index < s.length()) {
                char c = s.charAt(index);
                if (s.startsWith("\\Q", index)) {
                    int end = s.indexOf("\\E", index + 2);
                    index = end < 0 ? s.length() : end + 2;
                } else if (c == '\\') {
                    index += 2;
                } else if (c == '[') {
                    classDepth++;
                    index++;
                } else if (classDepth > 0) {
                    if (c == ']') {
                        classDepth--;
                    }
                    index++;
                } else {
                    if (c == '(') {
                        depth = open++;
                    } else if (c == ')') {
                        depth = --open;
                    } else {
                        depth = open;
                    }
                    return true;
                }
            }
            return false;
        }
    }
}
