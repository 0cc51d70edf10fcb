package edu.lanyard.authorize.page;

import edu.lanyard.core.config.Branding;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Route this before the page handlers ({@code router.route().handler(new SecurityHeaders())}): HTML responses get a
 * strict CSP, no framing, no referrer and no caching; every response gets {@code nosniff}. The headers are applied
 * when the response's headers are written, so only the final Content-Type decides.
 *
 * <p>The pages use no script and no inline style, so the CSP allows neither.
 */
public final class SecurityHeaders implements Handler<RoutingContext> {

    static final String BASE_CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:%s; "
            + "form-action 'self'%s; frame-ancestors 'none'; base-uri 'none'";
    private static final String SCRIPT_HASHES = SecurityHeaders.class.getName() + ".scriptHashes";
    private static final Set<String> NEVER_FORM_TARGETS =
            Set.of("javascript", "data", "vbscript", "file", "blob", "filesystem", "about");
    private static final String FORM_TARGETS = SecurityHeaders.class.getName() + ".formTargets";
    private static final String FRAME_SOURCES = SecurityHeaders.class.getName() + ".frameSources";

    private final String imageSources;

    /** The strict policy: images from Lanyard itself only. */
    public SecurityHeaders() {
        this.imageSources = "";
    }

    private SecurityHeaders(String imageSources) {
        this.imageSources = imageSources;
    }

    /**
     * The policy for pages showing {@code branding}: a logo on another server adds exactly its origin to
     * {@code img-src} (the origin is built from the parsed, validated URL, so it cannot add a directive).
     */
    public static SecurityHeaders forBranding(Branding branding) {
        return new SecurityHeaders(branding.logoOrigin().map(origin -> " " + origin).orElse(""));
    }

    @Override
    public void handle(RoutingContext ctx) {
        ctx.addHeadersEndHandler(ignored -> apply(ctx, imageSources));
        ctx.next();
    }

    /** Adds the headers to this response when it goes out; for pages sent where this handler did not run. */
    public static void applyWhenSent(RoutingContext ctx) {
        ctx.addHeadersEndHandler(ignored -> apply(ctx, ""));
    }

    /**
     * Lets forms on this page lead to the origin of {@code redirectUri}. Chromium applies {@code form-action} to
     * every redirect that follows a form POST (a browser test shows it), so a login or consent form whose POST ends,
     * through any chain of 302/303s, at the client's (already validated) redirect URI is blocked unless that origin
     * is listed here. Call it when rendering every such page; a URI without an authority (a native app's
     * {@code com.example.app:/cb}) adds its scheme. Unparseable or scriptable URIs add nothing.
     */
    public static void allowFormRedirectTo(RoutingContext ctx, String redirectUri) {
        sourceExpression(redirectUri).ifPresent(source -> {
            Set<String> targets = ctx.get(FORM_TARGETS);
            if (targets == null) {
                targets = new LinkedHashSet<>();
                ctx.put(FORM_TARGETS, targets);
            }
            targets.add(source);
        });
    }

    /**
     * Lets this page load {@code uri}'s origin in a frame (CAS front-channel logout, whose notices are hidden frames
     * on the signed-out page). Unparseable or scriptable URIs add nothing.
     */
    public static void allowFrame(RoutingContext ctx, String uri) {
        sourceExpression(uri).ifPresent(source -> {
            Set<String> sources = ctx.get(FRAME_SOURCES);
            if (sources == null) {
                sources = new LinkedHashSet<>();
                ctx.put(FRAME_SOURCES, sources);
            }
            sources.add(source);
        });
    }

    /**
     * Lets this one page run the inline script whose SHA-256 (base64) is given, and nothing else: a hash source
     * admits exactly that script text, so it cannot be abused to run injected code.
     */
    public static void allowInlineScript(RoutingContext ctx, String sha256Base64) {
        ctx.put(SCRIPT_HASHES, "'sha256-" + sha256Base64 + "'");
    }

    static String contentSecurityPolicy(Set<String> extraFormTargets) {
        return contentSecurityPolicy(extraFormTargets, null);
    }

    static String contentSecurityPolicy(Set<String> extraFormTargets, String scriptSource) {
        return contentSecurityPolicy("", extraFormTargets, scriptSource);
    }

    static String contentSecurityPolicy(String imageSources, Set<String> extraFormTargets, String scriptSource) {
        String extra = extraFormTargets == null || extraFormTargets.isEmpty()
                ? ""
                : " " + String.join(" ", extraFormTargets);
        String policy = String.format(BASE_CSP, imageSources, extra);
        return scriptSource == null ? policy : policy + "; script-src " + scriptSource;
    }

    private static void apply(RoutingContext ctx, String imageSources) {
        MultiMap headers = ctx.response().headers();
        headers.set("X-Content-Type-Options", "nosniff");
        String contentType = headers.get(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("text/html")) {
            return;
        }
        Set<String> frames = ctx.get(FRAME_SOURCES);
        String policy = contentSecurityPolicy(imageSources, ctx.get(FORM_TARGETS), ctx.get(SCRIPT_HASHES));
        headers.set("Content-Security-Policy", frames == null || frames.isEmpty() ? policy
                : policy + "; frame-src " + String.join(" ", frames));
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        headers.set("Pragma", "no-cache");
    }

    // Only characters a CSP source expression may hold, so a hostile URI cannot add a directive or widen the
    // allowance to a whole scheme.
    private static Optional<String> sourceExpression(String uri) {
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException | NullPointerException e) {
            return Optional.empty();
        }
        String scheme = parsed.getScheme();
        if (scheme == null || !scheme.matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            return Optional.empty();
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        boolean web = scheme.equals("http") || scheme.equals("https");
        if (NEVER_FORM_TARGETS.contains(scheme)) {
            return Optional.empty();
        }
        if (parsed.getRawAuthority() == null && !web) {
            return Optional.of(scheme + ":"); // a native app's private-use scheme, e.g. com.example.app:/cb
        }
        String host = parsed.getHost();
        if (host == null || !host.matches("[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+]")) {
            return Optional.empty();
        }
        String port = parsed.getPort() == -1 ? "" : ":" + parsed.getPort();
        return Optional.of(scheme + "://" + host.toLowerCase(Locale.ROOT) + port);
    }
}
