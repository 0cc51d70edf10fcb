package edu.lanyard.authorize.page;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import java.util.Arrays;

/**
 * Serves {@link Assets} from memory: {@code router.get("/assets/*").handler(new AssetsHandler(assets))}.
 * Answers only names it holds, so no path can reach anything else; the files are flat, the last path segment is
 * the name. URLs are content-versioned, so responses may be cached as immutable for a year.
 */
public final class AssetsHandler implements Handler<RoutingContext> {

    private static final String CACHE_FOREVER = "public, max-age=31536000, immutable";
    // An SVG opened by itself is a document that could run script in Lanyard's origin (an operator's logo file is
    // served here too): sandboxed, it cannot. Shown through <img>, as the pages do, it never runs script anyway.
    private static final String SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

    private final Assets assets;

    public AssetsHandler(Assets assets) {
        this.assets = assets;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (ctx.request().method() != HttpMethod.GET && ctx.request().method() != HttpMethod.HEAD) {
            ctx.next();
            return;
        }
        String path = ctx.normalizedPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        assets.find(name).ifPresentOrElse(asset -> send(ctx, asset), () -> ctx.fail(404));
    }

    private static void send(RoutingContext ctx, Assets.Asset asset) {
        HttpServerResponse response = ctx.response()
                .putHeader(HttpHeaders.CACHE_CONTROL, CACHE_FOREVER)
                .putHeader(HttpHeaders.ETAG, asset.etag())
                .putHeader("X-Content-Type-Options", "nosniff");
        if (matches(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH), asset.etag())) {
            response.setStatusCode(304).end();
            return;
        }
        response.putHeader(HttpHeaders.CONTENT_TYPE, asset.contentType());
        if (asset.contentType().startsWith("image/svg+xml")) {
            response.putHeader("Content-Security-Policy", SVG_POLICY);
        }
        if (ctx.request().method() == HttpMethod.HEAD) {
            response.putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(asset.bytes().length)).end();
        } else {
            response.end(Buffer.buffer(asset.bytes()));
        }
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        return ifNoneMatch.trim().equals("*")
                || Arrays.stream(ifNoneMatch.split(","))
                        .map(String::trim)
                        .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                        .anyMatch(etag::equals);
    }
}
