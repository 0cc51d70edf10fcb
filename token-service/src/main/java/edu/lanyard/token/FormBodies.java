package edu.lanyard.token;

import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.core.token.TokenKind;
import edu.lanyard.dialects.Dialect;
import edu.lanyard.dialects.http.MediaTypes;
import io.vertx.ext.web.RoutingContext;

/** What the token, introspection and revocation endpoints read the same way. */
final class FormBodies {
    private FormBodies() {
    }

    /**
     * The request's parameters as its dialect reads them. Standard OAuth requires a form body (RFC 6749 §3.2,
     * RFC 7662 §2.1, RFC 7009 §2.1); products that took URL parameters with any body do not.
     */
    static RequestParams read(RoutingContext ctx, Dialect dialect) {
        if (dialect.requiresFormContentType() && !MediaTypes.isForm(ctx.request().getHeader("Content-Type"))) {
            throw OAuthError.invalidRequest("the request body must be application/x-www-form-urlencoded")
                    .toException();
        }
        return dialect.params(ctx);
    }

    /** RFC 7662 §2.1 / RFC 7009 §2.1: only a hint; an unknown value means no hint. */
    static TokenKind tokenTypeHint(RequestParams params) {
        return "refresh_token".equals(params.firstOrNull("token_type_hint"))
                ? TokenKind.REFRESH_TOKEN : TokenKind.ACCESS_TOKEN;
    }
}
