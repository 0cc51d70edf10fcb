package edu.lanyard.core.logging;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Masks credentials in text bound for a log: the values of parameters and JSON fields that carry secrets
 * ({@code client_secret}, {@code password}, {@code code}, {@code code_verifier}, {@code ticket}, anything named
 * {@code *token*}, assertions, session and CSRF cookies) and the credentials of {@code Authorization} headers
 * ({@code Basic}, {@code Bearer} and the rest). Exception messages of libraries quote whole request URLs and
 * bodies, so everything logged passes through here: Lanyard's own log calls (via {@link #redact} and
 * {@link #scrub}) and, as a last line, the process's standard streams ({@link RedactingOutputStream}).
 *
 * <p>Most lines mention none of the trigger words; a scan for them runs first and the regular expressions only on
 * the lines that need them. Masking is deliberately generous: a harmless value next to a secret-sounding name is
 * masked too.
 */
public final class LogRedactor {
    public static final String MASK = "***";

    /** Lower-case words one of which every maskable text contains; kept in step with the patterns below. */
    private static final String[] TRIGGERS = {"secret", "pass", "pwd", "code", "token", "ticket", "verifier",
            "assertion", "authorization", "basic", "bearer", "digest", "negotiate", "cookie", "session", "csrf",
            "master"};

    /** Names whose value is a credential. {@code *token*} covers access_token, id_token_hint, token_type_hint … */
    private static final String SECRET_NAME = "(?:[a-z0-9_.-]*secret[a-z0-9_.-]*|[a-z0-9_.-]*passw(?:or)?d"
            + "|pwd|code|code_verifier|device_code|user_code|[a-z0-9_.-]*ticket|[a-z0-9_.-]*token[a-z0-9_.-]*"
            + "|[a-z0-9_.-]*assertion|[a-z0-9_.-]*session|csrf|[a-z0-9_.-]*master[_.-]?keys?)";

    /** Where a name may start: not inside a longer word, but right after an escape ({@code %3Fcode%3D…}). */
    private static final String NAME_START = "(?:(?<=%[0-9a-f]{2})|(?<![a-z0-9_.-]))";

    /**
     * {@code name=value} in a query string, a form body or a toString(); also inside an encoded URL
     * ({@code name%3Dvalue}), where the value then runs on over {@code %26} (more masked than needed, never less).
     */
    private static final Pattern PARAMETER = Pattern.compile(
            NAME_START + "(" + SECRET_NAME + ")(=|%3d)[^&\\s\"'<>]+", Pattern.CASE_INSENSITIVE);

    /** {@code "name": "value"} in JSON. */
    private static final Pattern JSON_FIELD = Pattern.compile(
            "(\"" + SECRET_NAME + "\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"", Pattern.CASE_INSENSITIVE);

    /** {@code name: value} as in a header dump, YAML or a library's message. */
    private static final Pattern COLON_FIELD = Pattern.compile(
            NAME_START + "(" + SECRET_NAME + "|authorization|proxy-authorization|cookie|set-cookie)"
                    + "(\\s*:\\s*)(?!\\s)[^\\r\\n\"',;]+", Pattern.CASE_INSENSITIVE);

    /** An Authorization header as a map entry or parameter ({@code Authorization=…}). */
    private static final Pattern HEADER_ENTRY = Pattern.compile(
            NAME_START + "((?:proxy-)?authorization)(\\s*=\\s*)[^\\s&\"',;]+", Pattern.CASE_INSENSITIVE);

    /** The credentials of an authentication scheme wherever they stand. */
    private static final Pattern SCHEME = Pattern.compile(
            "\\b(Basic|Bearer|Digest|Negotiate)(\\s+)[A-Za-z0-9._~+/=-]+", Pattern.CASE_INSENSITIVE);

    private LogRedactor() {
    }

    /** The text with every credential value replaced by {@value #MASK}; the text itself when it has none. */
    public static String redact(String text) {
        if (text == null || !mayContainSecret(text)) {
            return text;
        }
        String out = JSON_FIELD.matcher(text).replaceAll("$1\"" + MASK + "\"");
        out = PARAMETER.matcher(out).replaceAll("$1$2" + MASK);
        out = COLON_FIELD.matcher(out).replaceAll("$1$2" + MASK);
        out = HEADER_ENTRY.matcher(out).replaceAll("$1$2" + MASK);
        return SCHEME.matcher(out).replaceAll("$1$2" + MASK);
    }

    /** The cheap test that lets most lines skip the regular expressions. */
    public static boolean mayContainSecret(CharSequence text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = Character.toLowerCase(text.charAt(i));
            for (String trigger : TRIGGERS) {
                if (trigger.charAt(0) == c && regionMatchesIgnoreCase(text, i, trigger)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The same test on bytes of an ASCII-compatible encoding (UTF-8, ISO-8859-1): no decoding needed first. */
    static boolean mayContainSecret(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            int c = bytes[i] >= 'A' && bytes[i] <= 'Z' ? bytes[i] + 32 : bytes[i];
            for (String trigger : TRIGGERS) {
                if (trigger.charAt(0) == c && regionMatchesIgnoreCase(bytes, i, to, trigger)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean regionMatchesIgnoreCase(CharSequence text, int at, String lowerWord) {
        if (at + lowerWord.length() > text.length()) {
            return false;
        }
        for (int k = 1; k < lowerWord.length(); k++) {
            if (Character.toLowerCase(text.charAt(at + k)) != lowerWord.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean regionMatchesIgnoreCase(byte[] bytes, int at, int to, String lowerWord) {
        if (at + lowerWord.length() > to) {
            return false;
        }
        for (int k = 1; k < lowerWord.length(); k++) {
            int c = bytes[at + k];
            if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != lowerWord.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A copy of {@code failure} fit for a log: the same class name, stack trace, causes and suppressed exceptions,
     * with every message redacted. Log it instead of the original; it prints like the original would.
     */
    public static Throwable scrub(Throwable failure) {
        return failure == null ? null : scrub(failure, new IdentityHashMap<>());
    }

    private static Throwable scrub(Throwable failure, Map<Throwable, Throwable> done) {
        Throwable existing = done.get(failure);
        if (existing != null) {
            return existing;
        }
        Redacted copy = new Redacted(failure.getClass().getName(), redact(failure.getMessage()));
        done.put(failure, copy);
        copy.setStackTrace(failure.getStackTrace());
        if (failure.getCause() != null && failure.getCause() != failure) {
            copy.initCause(scrub(failure.getCause(), done));
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            copy.addSuppressed(scrub(suppressed, done));
        }
        return copy;
    }

    /** A throwable that prints as {@code original.Class: redacted message}. */
    private static final class Redacted extends RuntimeException {
        private final String className;

        Redacted(String className, String message) {
            super(message);
            this.className = className;
        }

        @Override
        public String toString() {
            String message = getLocalizedMessage();
            return message == null ? className : className + ": " + message;
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
