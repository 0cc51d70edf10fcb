package edu.lanyard.core.operator;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Cross-site request forgery protection for the console's state-changing requests. The console authenticates with a
 * bearer token held in the page's memory, which another site cannot make the browser send; on top of that every
 * state-changing request must carry the custom header {@value #HEADER} (which a cross-site form cannot send, and a
 * cross-site script cannot without a CORS preflight that Lanyard never grants for these paths), and, when the browser
 * names an {@code Origin}, it must be the issuer's own.
 */
public final class CsrfCheck {
    public static final String HEADER = "X-Lanyard-Console";
    public static final String VALUE = "1";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final String issuerOrigin;

    public CsrfCheck(String issuer) {
        this.issuerOrigin = origin(issuer).orElseThrow(() ->
                new IllegalArgumentException("the issuer is not an absolute http(s) URL: " + issuer));
    }

    /** Why the request must be refused, or empty when it may go on. */
    public Optional<String> refusal(String method, String header, String origin) {
        if (method == null || SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT))) {
            return Optional.empty();
        }
        if (!VALUE.equals(header)) {
            return Optional.of("a state-changing console request must carry the header " + HEADER + ": " + VALUE);
        }
        if (origin != null && !origin.equalsIgnoreCase(issuerOrigin)) {
            return Optional.of("the request comes from another origin");
        }
        return Optional.empty();
    }

    /** {@code scheme://host[:port]} of a URL, the way browsers write {@code Origin}. */
    static Optional<String> origin(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return Optional.empty();
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Optional.empty();
            }
            boolean defaultPort = uri.getPort() < 0 || (scheme.equals("http") && uri.getPort() == 80)
                    || (scheme.equals("https") && uri.getPort() == 443);
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            return Optional.of(scheme + "://" + host + (defaultPort ? "" : ":" + uri.getPort()));
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
