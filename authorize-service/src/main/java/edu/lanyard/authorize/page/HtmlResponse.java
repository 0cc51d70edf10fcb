package edu.lanyard.authorize.page;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** Sends a rendered page. {@link SecurityHeaders} adds the security headers as the response goes out. */
public final class HtmlResponse {

    public static final String CONTENT_TYPE = "text/html; charset=utf-8";

    private HtmlResponse() {
    }

    public static Future<Void> send(RoutingContext ctx, int status, String html) {
        return ctx.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE)
                .end(html);
    }

    public static Future<Void> send(RoutingContext ctx, String html) {
        return send(ctx, 200, html);
    }
}
