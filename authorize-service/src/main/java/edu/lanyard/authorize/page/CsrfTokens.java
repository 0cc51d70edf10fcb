package edu.lanyard.authorize.page;

import io.vertx.ext.web.RoutingContext;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * Stateless CSRF tokens: {@code base64url(HMAC-SHA256(key, browserId, requestId))}.
 *
 * <p>Why this shape: it is the "signed double-submit cookie" pattern. Nothing is stored, so any node can verify a
 * form another node rendered (all nodes share the key). Binding to the browser-id cookie defeats login CSRF, which
 * a token bound only to the pending request id would not (an attacker can start their own request and hand its
 * rid and token to the victim). Binding to the request id scopes a token to one sign-in and lets it expire with it.
 * Verification compares in constant time.
 */
public final class CsrfTokens {

    /** Name of the hidden form field that carries the token. */
    public static final String FIELD = "csrf";
    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] DOMAIN = "lanyard-csrf-v1".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;

    /** @param key at least 32 random bytes, the same on every node */
    public CsrfTokens(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("CSRF key must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** For a single node and tests: forms rendered before a restart stop verifying after it. */
    public static CsrfTokens withRandomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new CsrfTokens(key);
    }

    public String issue(String browserId, String requestId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(browserId, requestId));
    }

    public boolean verify(String browserId, String requestId, String token) {
        if (browserId == null || requestId == null || token == null) {
            return false;
        }
        byte[] expected = issue(browserId, requestId).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.US_ASCII));
    }

    /** Issues a token for the page about to be rendered, setting the browser-id cookie if the browser has none. */
    public String issue(RoutingContext ctx, String requestId) {
        return issue(BrowserCookies.browserId(ctx), requestId);
    }

    /** Verifies the {@value #FIELD} form field of a POST (the body must have been parsed by a BodyHandler). */
    public boolean verify(RoutingContext ctx, String requestId) {
        return BrowserCookies.existingBrowserId(ctx)
                .map(browserId -> verify(browserId, requestId, ctx.request().getFormAttribute(FIELD)))
                .orElse(false);
    }

    private byte[] mac(String browserId, String requestId) {
        Objects.requireNonNull(browserId, "browserId");
        Objects.requireNonNull(requestId, "requestId");
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(DOMAIN);
            lengthPrefixed(mac, browserId);
            lengthPrefixed(mac, requestId);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    // Length prefixes keep ("ab","c") and ("a","bc") from producing the same MAC input.
    private static void lengthPrefixed(Mac mac, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        mac.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        mac.update(bytes);
    }
}
