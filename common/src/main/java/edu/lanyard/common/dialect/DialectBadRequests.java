package edu.lanyard.common.dialect;

import edu.lanyard.common.http.OAuthError;
import io.vertx.ext.web.RoutingContext;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Answers a request that failed before its endpoint could read it (malformed path, query or body; a body too large)
 * in the error shape of the product dialect the path belongs to, so that an application of that product gets an
 * error it can parse: MaxKey's HTTP 200 JSON, CAS's {@code error=…} text, the PHP SSO's bare {@code {"error":…}}.
 *
 * <p>The path is the raw one from the request line: it may be the very thing that could not be decoded.
 */
public final class DialectBadRequests {
    private final List<ProductDialect> dialects;

    public DialectBadRequests(List<ProductDialect> dialects) {
        // The longest prefix first, so that a mount at /sso/x wins over one at /sso.
        this.dialects = dialects.stream()
                .sorted(Comparator.comparingInt((ProductDialect d) -> d.prefix().length()).reversed())
                .toList();
    }

    /** Renders {@code error} in the dialect's shape; false when no dialect claims the path. */
    public boolean answer(RoutingContext ctx, OAuthError error) {
        String path = ctx.request().path();
        if (path == null) {
            return false;
        }
        Optional<ProductDialect> owner = owner(path);
        if (owner.isEmpty()) {
            return false;
        }
        ProductDialect dialect = owner.get();
        if (isOneOf(path, dialect, dialect.profileEndpoints())) {
            dialect.renderProfileRequestError(ctx, error);
        } else {
            dialect.renderError(ctx, error);
        }
        return true;
    }

    /**
     * The dialect whose prefix the path is under; a dialect mounted without a prefix (the PHP SSO at the root)
     * claims only paths whose first segment is one of its endpoints' ({@code /token.php…}).
     */
    Optional<ProductDialect> owner(String path) {
        for (ProductDialect dialect : dialects) {
            String prefix = dialect.prefix();
            if (!prefix.isEmpty() && (path.equals(prefix) || path.startsWith(prefix + "/"))) {
                return Optional.of(dialect);
            }
        }
        String segment = firstSegment(path);
        return dialects.stream()
                .filter(d -> d.prefix().isEmpty())
                .filter(d -> allEndpoints(d).stream().anyMatch(e -> firstSegment(e.path()).equals(segment)))
                .findFirst();
    }

    private static boolean isOneOf(String path, ProductDialect dialect, List<DialectEndpoint> endpoints) {
        return endpoints.stream().anyMatch(e -> path.equals(dialect.prefix() + e.path()));
    }

    private static List<DialectEndpoint> allEndpoints(ProductDialect d) {
        return java.util.stream.Stream.of(d.authorizeEndpoints(), d.tokenEndpoints(), d.introspectionEndpoints(),
                d.profileEndpoints(), d.logoutEndpoints()).flatMap(List::stream).toList();
    }

    private static String firstSegment(String path) {
        int start = path.startsWith("/") ? 1 : 0;
        int slash = path.indexOf('/', start);
        return slash < 0 ? path.substring(start) : path.substring(start, slash);
    }
}
