package edu.lanyard.core.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How a client's registered redirect URIs are compared with the one in a request. {@code EXACT} is the default;
 * {@code PREFIX} and {@code REGEX} exist because MaxKey, CAS and the PHP SSO matched that way and their apps rely on
 * it. Whatever the mode, a requested URI with a control character or whitespace never matches: it would end up in
 * a {@code Location} header.
 *
 * <p>{@link #registrationProblem} holds what the import refuses for each mode; the matching relies on it (a prefix
 * always names a host, a pattern always spells out its hosts).
 */
public enum RedirectUriMatch {
    /**
     * String equality. Any scheme, so a native app can register {@code com.example.app:/cb}; the registration must
     * be an absolute URI without a fragment.
     */
    EXACT {
        @Override
        public boolean matches(String registered, String requested) {
            return HeaderValues.isSafeUri(requested) && registered.equals(requested);
        }

        @Override
        public Optional<String> registrationProblem(String registered) {
            if (!HeaderValues.isSafeUri(registered)) {
                return Optional.of("contains a control character or whitespace");
            }
            try {
                URI parsed = new URI(registered);
                if (!parsed.isAbsolute() || parsed.getRawSchemeSpecificPart().isEmpty()) {
                    return Optional.of("is not an absolute URI");
                }
                if (parsed.getRawFragment() != null) {
                    return Optional.of("must not contain a fragment (RFC 6749 3.1.2)");
                }
                return Optional.empty();
            } catch (URISyntaxException e) {
                return Optional.of("is not a valid URI: " + e.getReason());
            }
        }
    },
    /**
     * The same web origin and a path below the registered one, the way a URL prefix is meant — not a string
     * prefix, which lets {@code https://app.edu} match {@code https://app.edu.evil.com/} or
     * {@code https://app.edu@evil.com/}:
     * <ul>
     * <li>both are http(s) URLs that pass {@link WebUri}'s checks (no user information, backslash, fragment, dot
     *     or empty path segment, control character or whitespace);</li>
     * <li>scheme, host (case-insensitively) and port are equal, a missing port meaning 80 or 443;</li>
     * <li>the paths, percent-encoding normalised, are equal or the requested one continues the registered one at a
     *     segment boundary: {@code /app} matches {@code /app} and {@code /app/x} but not {@code /apple};
     *     {@code /app/} matches {@code /app/x}; a registration without a path matches every path;</li>
     * <li>query: a registration without a query accepts any query (the products let apps add their own
     *     parameters); a registration with a query accepts only its own path, with that same query or that query
     *     followed by {@code &} and more parameters (so {@code ?tenant=1} does not match {@code ?tenant=10}).</li>
     * </ul>
     * Registrations are http(s) URLs with a host; native apps register exact URIs.
     */
    PREFIX {
        @Override
        public boolean matches(String registered, String requested) {
            if (!(WebUri.parse(registered) instanceof WebUri.Valid r)
                    || !(WebUri.parse(requested) instanceof WebUri.Valid q)) {
                return false;
            }
            WebUri base = r.uri();
            WebUri uri = q.uri();
            if (!base.sameOrigin(uri)) {
                return false;
            }
            if (base.query() != null) {
                return uri.path().equals(base.path()) && uri.query() != null
                        && (uri.query().equals(base.query()) || uri.query().startsWith(base.query() + "&"));
            }
            return underPath(base.path(), uri.path());
        }

        @Override
        public Optional<String> registrationProblem(String registered) {
            if (WebUri.parse(registered) instanceof WebUri.Refused refused) {
                return Optional.of(refused.reason() + "; a prefix must be an http(s) URL naming its host, such as"
                        + " https://app.example.edu or https://app.example.edu/path");
            }
            return Optional.empty();
        }

        private static boolean underPath(String base, String path) {
            if (path.equals(base)) {
                return true;
            }
            return base.endsWith("/") ? path.startsWith(base) : path.startsWith(base + "/");
        }
    },
    /**
     * The whole requested URI matches the pattern ({@link java.util.regex.Matcher#matches()}, so it is anchored at
     * both ends), and it passes the same checks as a prefix match ({@link WebUri}). Patterns must spell out their
     * scheme and hosts ({@link RegexRegistration}).
     */
    REGEX {
        @Override
        public boolean matches(String registered, String requested) {
            if (!(WebUri.parse(requested) instanceof WebUri.Valid)) {
                return false;
            }
            try {
                return Pattern.compile(registered).matcher(requested).matches();
            } catch (PatternSyntaxException e) {
                return false;
            }
        }

        @Override
        public Optional<String> registrationProblem(String registered) {
            if (!HeaderValues.isSafeUri(registered)) {
                return Optional.of("contains a control character or whitespace");
            }
            try {
                Pattern.compile(registered);
            } catch (PatternSyntaxException e) {
                return Optional.of("is not a valid regular expression: " + e.getDescription());
            }
            return RegexRegistration.problem(registered);
        }
    };

    public abstract boolean matches(String registered, String requested);

    /**
     * Why {@code registered} cannot be registered for this kind of matching (completing "the URI …"), or empty when
     * it can.
     */
    public abstract Optional<String> registrationProblem(String registered);

    public static RedirectUriMatch fromConfig(String value) {
        return value == null ? EXACT : valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
