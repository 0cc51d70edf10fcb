package edu.lanyard.core.client;

import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.request.RequestParams;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * How a client identified itself on one request: HTTP Basic (client_secret_basic), form parameters
 * (client_secret_post), or only a client_id (a public client).
 */
public record PresentedCredentials(String clientId, String secret, Method method) {

    public enum Method {
        CLIENT_SECRET_BASIC, CLIENT_SECRET_POST, NONE
    }

    /**
     * Reads the credentials from the Authorization header and the parameters. Using two methods at once is an
     * invalid_request (RFC 6749 §2.3); a malformed Basic header is an invalid_client.
     */
    public static PresentedCredentials read(String authorizationHeader, RequestParams params) {
        String postedId = params.firstOrNull("client_id");
        String postedSecret = params.firstOrNull("client_secret");
        if (authorizationHeader != null && authorizationHeader.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (postedSecret != null) {
                throw OAuthError.invalidRequest("use one client authentication method, not two").toException();
            }
            PresentedCredentials basic = parseBasic(authorizationHeader.substring(6).trim());
            if (postedId != null && !postedId.equals(basic.clientId())) {
                throw OAuthError.invalidRequest("client_id does not match the Authorization header").toException();
            }
            return basic;
        }
        if (postedId == null) {
            return new PresentedCredentials(null, null, Method.NONE);
        }
        return new PresentedCredentials(postedId, postedSecret,
                postedSecret == null ? Method.NONE : Method.CLIENT_SECRET_POST);
    }

    /** RFC 6749 §2.3.1: id and secret are form-urlencoded before being joined with ':' and base64-encoded. */
    private static PresentedCredentials parseBasic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw basicFailure("the Basic credentials are not valid base64");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw basicFailure("the Basic credentials must be client_id:client_secret");
        }
        try {
            String id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            String secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
            return new PresentedCredentials(id, secret, Method.CLIENT_SECRET_BASIC);
        } catch (IllegalArgumentException e) {
            throw basicFailure("the Basic credentials are not form-urlencoded");
        }
    }

    private static RuntimeException basicFailure(String description) {
        return new ClientAuthenticationException(OAuthError.invalidClient(description), true);
    }

    public boolean usedBasic() {
        return method == Method.CLIENT_SECRET_BASIC;
    }

    @Override
    public String toString() {
        return "PresentedCredentials[" + clientId + ", " + method.name().toLowerCase(Locale.ROOT) + "]";
    }
}
