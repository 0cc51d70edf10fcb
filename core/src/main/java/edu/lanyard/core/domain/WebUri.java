package edu.lanyard.core.domain;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An absolute http(s) URL that passed the checks every prefix or pattern match of a redirect URI needs, in the parts
 * those matches compare: scheme and host lower-cased, the port made explicit, the path never empty and its
 * percent-encoding normalised (RFC 3986 §6.2.2: upper-case hex, unreserved characters decoded).
 *
 * <p>Refused: control characters or whitespace, backslashes (browsers read them as '/'), user information
 * ({@code app.edu@evil.com} is the host evil.com), a fragment, a host that is missing or incomplete
 * ({@code app.}, {@code app..edu}), and path segments that are empty ({@code //evil.com} reads as a host to many
 * apps' relative redirects) or are {@code .} or {@code ..} — raw or percent-encoded, also twice, and with
 * {@code ;parameters} — since servers resolve them to another path than the one compared.
 */
record WebUri(String scheme, String host, int port, String path, String query) {

    /** The outcome of {@link #parse}. */
    sealed interface Parsed permits Valid, Refused {
    }

    record Valid(WebUri uri) implements Parsed {
    }

    /** @param reason completes "the URI …", e.g. "has a fragment" */
    record Refused(String reason) implements Parsed {
    }

    private static final int DECODING_ROUNDS = 3;

    static Parsed parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return new Refused("is empty");
        }
        if (!HeaderValues.isSafeUri(raw)) {
            return new Refused("contains a control character or whitespace");
        }
        if (raw.indexOf('\\') >= 0) {
            return new Refused("contains a backslash");
        }
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            return new Refused("is not a valid URI");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            return new Refused("is not an absolute http or https URL");
        }
        if (uri.getRawFragment() != null) {
            return new Refused("has a fragment");
        }
        String authority = uri.getRawAuthority();
        if (uri.getRawUserInfo() != null || authority != null && authority.indexOf('@') >= 0) {
            return new Refused("has user information before the host (user@host)");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return new Refused("has no valid host");
        }
        if (host.startsWith(".") || host.endsWith(".") || host.contains("..")) {
            return new Refused("has an incomplete host name");
        }
        String rawPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String pathProblem = pathProblem(rawPath);
        if (pathProblem != null) {
            return new Refused(pathProblem);
        }
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        return new Valid(new WebUri(scheme, host.toLowerCase(Locale.ROOT), port, normalised(rawPath),
                uri.getRawQuery()));
    }

    /** Same scheme, host and port. */
    boolean sameOrigin(WebUri other) {
        return scheme.equals(other.scheme) && host.equals(other.host) && port == other.port;
    }

    private static String pathProblem(String rawPath) {
        String decoded = rawPath;
        for (int round = 0; round < DECODING_ROUNDS && decoded.indexOf('%') >= 0; round++) {
            decoded = decode(decoded);
        }
        if (!HeaderValues.isSafeUri(decoded)) {
            return "has an encoded control character or whitespace in its path";
        }
        if (decoded.indexOf('\\') >= 0) {
            return "has an encoded backslash in its path";
        }
        String[] segments = decoded.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            int parameters = segment.indexOf(';');
            String name = parameters < 0 ? segment : segment.substring(0, parameters);
            if (name.equals(".") || name.equals("..")) {
                return "has a '.' or '..' path segment";
            }
            if (segment.isEmpty() && i < segments.length - 1) {
                return "has an empty path segment (//)";
            }
        }
        return null;
    }

    /** Percent-decodes (valid escapes only; java.net.URI has checked them), UTF-8. */
    private static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
            int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
            if (c == '%' && high >= 0 && low >= 0) {
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** RFC 3986 §6.2.2.1-2: upper-case hex in escapes, unreserved characters unescaped. */
    private static String normalised(String rawPath) {
        StringBuilder out = new StringBuilder(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%' && i + 2 < rawPath.length()) {
                int value = Integer.parseInt(rawPath.substring(i + 1, i + 3), 16);
                if (unreserved(value)) {
                    out.append((char) value);
                } else {
                    out.append('%').append(rawPath.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
                }
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean unreserved(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
