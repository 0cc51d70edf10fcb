package edu.lanyard.core.client;

import edu.lanyard.core.domain.Client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The web origins browser applications may call the token, userinfo and revocation endpoints from: the origin
 * ({@code scheme://host[:port]}) of every registered redirect URI of every client. A redirect URI is where the
 * application's own pages live, so a single-page application signing in with PKCE calls from exactly that origin.
 *
 * <p>Only http(s) URIs with a plain host name or address count; a native app's private-use scheme has no web origin,
 * and a regex registration contributes only when its scheme and host are literal.
 */
public final class BrowserOrigins {
    private static final Pattern HOST = Pattern.compile("[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?|\\[[0-9a-f:.]+]");

    private BrowserOrigins() {
    }

    public static Set<String> of(Collection<Client> clients) {
        Set<String> origins = new HashSet<>();
        for (Client client : clients) {
            for (String redirectUri : client.redirectUris()) {
                originOf(redirectUri).ifPresent(origins::add);
            }
        }
        return Set.copyOf(origins);
    }

    /** The serialized origin a browser sends in {@code Origin} for pages at {@code uri}; empty if it has none. */
    public static Optional<String> originOf(String uri) {
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException | NullPointerException e) {
            return Optional.empty();
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        int defaultPort = switch (scheme) {
            case "https" -> 443;
            case "http" -> 80;
            default -> -1;
        };
        String host = parsed.getHost() == null ? null : parsed.getHost().toLowerCase(Locale.ROOT);
        if (defaultPort < 0 || host == null || !HOST.matcher(host).matches()) {
            return Optional.empty();
        }
        int port = parsed.getPort();
        return Optional.of(scheme + "://" + host + (port < 0 || port == defaultPort ? "" : ":" + port));
    }
}
