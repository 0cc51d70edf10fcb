package edu.lanyard.dialects.http;

import edu.lanyard.core.domain.HeaderValues;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;

import java.nio.charset.StandardCharsets;

/**
 * The one way Lanyard answers with a redirect. Redirect targets come from requests (validated before, but this is the
 * last line): a target with a control character or whitespace is refused before anything is written, so it can
 * neither add a header line nor fail half-way through a response.
 */
public final class Redirects {
    private Redirects() {
    }

    /**
     * Ends {@code response} with {@code status} and {@code Location: location} (not cacheable). Characters outside
     * ASCII are sent percent-encoded as UTF-8, as a browser would encode them.
     *
     * @throws UnsafeLocation if {@code location} is null or has a control character or whitespace; nothing has been
     *                        written then, and the caller answers with an error instead
     */
    public static Future<Void> send(HttpServerResponse response, int status, String location) {
        if (!HeaderValues.isSafeUri(location)) {
            throw new UnsafeLocation();
        }
        return response.setStatusCode(status)
                .putHeader("Location", asciiOnly(location))
                .putHeader("Cache-Control", "no-store")
                .end();
    }

    static String asciiOnly(String location) {
        StringBuilder out = null;
        for (int i = 0; i < location.length(); i++) {
            char c = location.charAt(i);
            if (c < 0x80) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(location.length() + 16).append(location, 0, i);
            }
            int end = Character.isHighSurrogate(c) && i + 1 < location.length() ? i + 2 : i + 1;
            for (byte b : location.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
            i = end - 1;
        }
        return out == null ? location : out.toString();
    }

    /** A redirect target that must not become a header. The message never holds the target: it may carry a code. */
    public static final class UnsafeLocation extends IllegalArgumentException {
        public UnsafeLocation() {
            super("refused a redirect target with a control character or whitespace");
        }
    }
}
