package edu.lanyard.launcher;

import edu.lanyard.core.config.Management;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * {@code /metrics} on the service port, when {@code management.metricsTokenHash} is set: only a request bearing the
 * token sees it; every other request gets the same 404 as when it is not served there at all, so the service port
 * does not even reveal that it could serve metrics.
 */
final class MetricsAccess implements Handler<RoutingContext> {
    private final byte[] expectedHash;
    private final Handler<RoutingContext> scrape;

    MetricsAccess(Management management, Handler<RoutingContext> scrape) {
        this.expectedHash = management.metricsTokenHash().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        this.scrape = scrape;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                && MessageDigest.isEqual(sha256Hex(header.substring(7).trim()), expectedHash)) {
            scrape.handle(ctx);
        } else {
            HttpVerticle.notFound(ctx);
        }
    }

    private static byte[] sha256Hex(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JRE", e);
        }
    }
}
