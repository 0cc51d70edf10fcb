package edu.lanyard.projection.admin;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Lets a request through to the admin API only with the operator's credentials; 401 otherwise. */
final class AdminAuthentication implements Handler<RoutingContext> {
    private static final String CHALLENGE = "Basic realm=\"lanyard-admin\", Bearer realm=\"lanyard-admin\"";

    private final Vertx vertx;
    private final AdminCredentials credentials;

    AdminAuthentication(Vertx vertx, AdminCredentials credentials) {
        this.vertx = vertx;
        this.credentials = credentials;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            if (credentials.acceptsToken(header.substring(7).trim())) {
                ctx.next();
            } else {
                deny(ctx);
            }
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
                    ctx.next();
                } else {
                    deny(ctx);
                }
            });
            return;
        }
        deny(ctx);
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

    private static void deny(RoutingContext ctx) {
        ctx.response().putHeader("WWW-Authenticate", CHALLENGE);
        AdminReplies.error(ctx, 401, "unauthorized", "operator credentials required");
    }
}
