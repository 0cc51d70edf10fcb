package edu.lanyard.token;

import edu.lanyard.common.http.MediaTypes;
import io.vertx.ext.web.RoutingContext;

final class FormBodies {
    private FormBodies() {
    }

    static boolean isForm(RoutingContext ctx) {
        return MediaTypes.isForm(ctx.request().getHeader("Content-Type"));
    }
}
