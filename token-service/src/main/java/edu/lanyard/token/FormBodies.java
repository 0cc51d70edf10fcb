package edu.lanyard.token;

import io.vertx.ext.web.RoutingContext;

final class FormBodies {
    private FormBodies() {
    }

    static boolean isForm(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }
}
