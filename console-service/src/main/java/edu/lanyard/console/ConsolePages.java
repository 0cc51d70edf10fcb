package edu.lanyard.console;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The console's page and assets, read once from the jar: one HTML shell (the page is drawn by {@code console.js}),
 * its stylesheet and scripts. Nothing inline, nothing from another origin: the CSP allows only this origin.
 */
final class ConsolePages {
    /** No inline script or style, nothing from elsewhere, never framed. */
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";
    private static final Map<String, String> TYPES = Map.of(
            "console.js", "text/javascript;charset=UTF-8",
            "i18n.js", "text/javascript;charset=UTF-8",
            "charts.js", "text/javascript;charset=UTF-8",
            "console.css", "text/css;charset=UTF-8");

    private final String shell;
    private final Map<String, Buffer> assets = new HashMap<>();

    ConsolePages() {
        this.shell = read("index.html");
        TYPES.keySet().forEach(name -> assets.put(name, Buffer.buffer(read(name))));
    }

    private static String read(String name) {
        try (InputStream in = ConsolePages.class.getResourceAsStream("/console-assets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("console asset missing from the jar: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void page(RoutingContext ctx) {
        String language = ConsoleLanguage.of(ctx.request().getHeader("Accept-Language"));
        secure(ctx).putHeader("Content-Type", "text/html;charset=UTF-8")
                .putHeader("Cache-Control", "no-store")
                .putHeader("Vary", "Accept-Language")
                .end(shell.replace("{{lang}}", language));
    }

    void asset(RoutingContext ctx) {
        String name = ctx.pathParam("file");
        Buffer body = name == null ? null : assets.get(name);
        if (body == null) {
            ConsoleGate.refuse(ctx, 404, "not_found", "no such console asset");
            return;
        }
        secure(ctx).putHeader("Content-Type", TYPES.get(name))
                .putHeader("Cache-Control", "no-cache")
                .end(body);
    }

    static io.vertx.core.http.HttpServerResponse secure(RoutingContext ctx) {
        return ctx.response()
                .putHeader("Content-Security-Policy", POLICY)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Cross-Origin-Opener-Policy", "same-origin");
    }
}
