package edu.lanyard.dialects.http;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Small helpers for writing responses the same way everywhere. */
public final class Responses {
    public static final String JSON = "application/json;charset=UTF-8";

    private Responses() {
    }

    /** Token-bearing and credential-checking answers must never be cached (RFC 6749 §5.1). */
    public static HttpServerResponse noStore(RoutingContext ctx) {
        return ctx.response().putHeader("Cache-Control", "no-store").putHeader("Pragma", "no-cache");
    }

    public static void json(RoutingContext ctx, int status, JsonObject body) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", JSON).end(body.encode());
    }

    public static void text(RoutingContext ctx, int status, String contentType, String body) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", contentType).end(body);
    }

    /** The address of the caller, for the audit trail and per-IP throttling. */
    public static String clientIp(RoutingContext ctx) {
        var address = ctx.request().remoteAddress();
        return address == null ? null : address.hostAddress();
    }
}
