package edu.lanyard.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads (a Grafana panel's or an alert's): every identifier that is not a
 * function, an aggregation's or a binary operator's keyword, a label (in braces or in by/without/on/ignoring/group_*
 * lists), a Grafana variable or part of a number or a duration. Small on purpose: it is a check, not a parser, and
 * its own test shows what it reads.
 */
public final class PromQlNames {
    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^{}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^\\]]*]");
    private static final Pattern LABEL_LISTS = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^()]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan", "atan2");

    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{([^{}]*)}");
    private static final Pattern EQUALITY = Pattern.compile(
            "([a-zA-Z_][a-zA-Z0-9_]*)\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** A metric name with the labels an expression requires to equal a value ({@code =}, not regexes). */
    public record Selector(String metric, Map<String, String> labels) {
    }

    private PromQlNames() {
    }

    /** Every {@code metric{label="value", …}} of an expression, with its equality matchers. */
    public static List<Selector> selectors(String expression) {
        List<Selector> selectors = new ArrayList<>();
        Matcher m = SELECTOR.matcher(expression);
        while (m.find()) {
            Map<String, String> labels = new TreeMap<>();
            Matcher eq = EQUALITY.matcher(m.group(2));
            while (eq.find()) {
                char before = eq.start() == 0 ? ' ' : m.group(2).charAt(eq.start() - 1);
                if (before != '!' && before != '=' && before != '~') {
                    labels.put(eq.group(1), eq.group(2));
                }
            }
            selectors.add(new Selector(m.group(1), labels));
        }
        return selectors;
    }

    public static Set<String> in(String expression) {
        String rest = STRINGS.matcher(expression).replaceAll(" ");
        rest = MATCHERS.matcher(rest).replaceAll(" ");
        rest = RANGES.matcher(rest).replaceAll(" ");
        rest = LABEL_LISTS.matcher(rest).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(rest);
        while (m.find()) {
            String name = m.group();
            char before = m.start() == 0 ? ' ' : rest.charAt(m.start() - 1);
            if (Character.isLetterOrDigit(before) || before == '$' || before == '.' || before == '_') {
                continue; // a Grafana variable, or the unit of a number or duration (5m, 1e3, 0.5)
            }
            if (KEYWORDS.contains(name.toLowerCase()) || followedByParenthesis(rest, m.end())) {
                continue;
            }
            names.add(name);
        }
        return names;
    }

    private static boolean followedByParenthesis(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '(';
            }
        }
        return false;
    }
}
