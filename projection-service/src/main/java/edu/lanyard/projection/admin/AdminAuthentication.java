package edu.lanyard.projection.admin;

import edu.lanyard.core.operator.ConsoleAccess;
import edu.lanyard.core.operator.ConsoleOperators;
import edu.lanyard.core.operator.CsrfCheck;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Lets a request through to the admin API only with the operator's credentials (HTTP Basic, the operator token) or
 * with an access token of the console's client whose user holds the operator role, checked again on every request;
 * 401 otherwise, 403 for a signed-in console user who is not an operator. While no operator credentials are
 * configured, a request without a console token is told the API is disabled, as before the console existed.
 */
final class AdminAuthentication implements Handler<RoutingContext> {
    /** The routing-context key of the operator a request was let through as: what audit lines name as actor. */
    static final String ACTOR = "lanyard.admin.actor";
    /** The actor of a request made with the operator token (it has no name; the token itself is never recorded). */
    static final String TOKEN_ACTOR = "operator-token";
    private static final String CHALLENGE = "Basic realm=\"lanyard-admin\", Bearer realm=\"lanyard-admin\"";

    private final Vertx vertx;
    private final AdminCredentials credentials;
    private final ConsoleOperators console;
    private final CsrfCheck csrf;

    /** @param console null when the console is off: its tokens are then refused like any other */
    AdminAuthentication(Vertx vertx, AdminCredentials credentials, ConsoleOperators console, CsrfCheck csrf) {
        this.vertx = vertx;
        this.credentials = credentials;
        this.console = console;
        this.csrf = csrf;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).trim();
            if (credentials.acceptsToken(token)) {
                ctx.put(ACTOR, TOKEN_ACTOR);
                ctx.next();
            } else if (console != null) {
                console.check(token).onComplete(checked -> {
                    if (checked.failed()) {
                        AdminReplies.error(ctx, 503, "temporarily_unavailable", "the token cannot be checked now");
                    } else {
                        consoleAccess(ctx, checked.result());
                    }
                });
            } else {
                deny(ctx);
            }
            return;
        }
        if (!credentials.enabled()) {
            disabled(ctx);
            return;
        }
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] pair = basic(header.substring(6).trim());
            if (pair == null) {
                deny(ctx);
                return;
            }
            credentials.acceptsPassword(vertx, pair[0], pair[1]).onComplete(checked -> {
                if (checked.succeeded() && checked.result()) {
                    ctx.put(ACTOR, pair[0]);
                    ctx.next();
                } else {
                    deny(ctx);
                }
            });
            return;
        }
        deny(ctx);
    }

    /** A console user: an operator goes on (its writes only with the CSRF header), anyone else is refused. */
    private void consoleAccess(RoutingContext ctx, ConsoleAccess access) {
        if (access instanceof ConsoleAccess.Operator operator) {
            Optional<String> refused = csrf.refusal(ctx.request().method().name(),
                    ctx.request().getHeader(CsrfCheck.HEADER), ctx.request().getHeader("Origin"));
            if (refused.isPresent()) {
                AdminReplies.error(ctx, 403, "csrf", refused.get());
                return;
            }
            ctx.put(ACTOR, operator.actor());
            ctx.next();
        } else if (access instanceof ConsoleAccess.NotOperator) {
            AdminReplies.error(ctx, 403, "forbidden", "this account does not hold the operator role");
        } else if (credentials.enabled()) {
            deny(ctx);
        } else {
            disabled(ctx);
        }
    }

    /** Who the request was let through as; every request past this handler has one. */
    static String actor(RoutingContext ctx) {
        String actor = ctx.get(ACTOR);
        return actor == null ? TOKEN_ACTOR : actor;
    }

    private static String[] basic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[]{decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void disabled(RoutingContext ctx) {
        AdminReplies.error(ctx, 404, AdminApi.DISABLED,
                "the operator API is disabled on this server: " + AdminApi.HOW_TO_ENABLE);
    }

    private static void deny(RoutingContext ctx) {
        ctx.response().putHeader("WWW-Authenticate", CHALLENGE);
        AdminReplies.error(ctx, 401, "unauthorized", "operator credentials required");
    }
}
