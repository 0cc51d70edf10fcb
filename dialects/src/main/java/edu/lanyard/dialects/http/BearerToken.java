package edu.lanyard.dialects.http;

import edu.lanyard.core.error.OAuthError;
import io.vertx.ext.web.RoutingContext;

import java.util.Locale;
import java.util.Optional;

/**
 * RFC 6750 §2: a bearer token from the Authorization header, a form body field, or the query string — exactly one
 * of them; using two is an invalid_request. An Authorization header of another scheme carries no bearer token.
 */
public final class BearerToken {
    private BearerToken() {
    }

    public static Optional<String> read(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        String fromHeader = null;
        // Another scheme (Basic, say) is "an unsupported authentication method": no bearer token, which RFC 6750
        // §3.1 answers with a bare challenge rather than an error.
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            fromHeader = header.substring(7).trim();
            if (fromHeader.isEmpty()) {
                throw OAuthError.invalidRequest("the Bearer token is empty").toException();
            }
        }
        boolean form = MediaTypes.isForm(ctx.request().getHeader("Content-Type"));
        String fromBody = form ? emptyToNull(ctx.request().getFormAttribute("access_token")) : null;
        String fromQuery = emptyToNull(WellFormedRequests.query(ctx).get("access_token"));
        int methods = (fromHeader != null ? 1 : 0) + (fromBody != null ? 1 : 0) + (fromQuery != null ? 1 : 0);
        if (methods > 1) {
            throw OAuthError.invalidRequest("send the access token in one place only").toException();
        }
        if (fromHeader != null) {
            return Optional.of(fromHeader);
        }
        return Optional.ofNullable(fromBody != null ? fromBody : fromQuery);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
