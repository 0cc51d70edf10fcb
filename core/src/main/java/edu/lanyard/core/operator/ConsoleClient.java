package edu.lanyard.core.operator;

import edu.lanyard.core.domain.AccessTokenFormat;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.domain.GrantType;
import edu.lanyard.core.domain.RedirectUriMatch;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operator console's own OAuth client, built in rather than imported: a public client (no secret to keep in a
 * browser page) that may only use the authorization code grant with PKCE, and only back to this issuer's
 * {@code /console/callback}. Its access tokens live 15 minutes; the console signs in again through the SSO session.
 */
public final class ConsoleClient {
    public static final String CLIENT_ID = "lanyard-console";
    public static final String CALLBACK_PATH = "/console/callback";
    /** Short: the token sits in a page's memory, and every request re-checks the role anyway. */
    static final long ACCESS_TOKEN_SECONDS = 900;

    private ConsoleClient() {
    }

    public static String callback(String issuer) {
        return stripSlash(issuer) + CALLBACK_PATH;
    }

    /** The client as every node registers it for {@code issuer}. */
    public static Client of(String issuer) {
        return new Client(CLIENT_ID, "Lanyard console", null, List.of(callback(issuer)), RedirectUriMatch.EXACT,
                Set.of(GrantType.AUTHORIZATION_CODE), List.of("openid", "profile", "roles"), ACCESS_TOKEN_SECONDS,
                ACCESS_TOKEN_SECONDS, 60, AccessTokenFormat.OPAQUE, false, false, "RS256",
                List.of(stripSlash(issuer) + "/console/"), "standard", Map.of(), false);
    }

    private static String stripSlash(String issuer) {
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }
}
