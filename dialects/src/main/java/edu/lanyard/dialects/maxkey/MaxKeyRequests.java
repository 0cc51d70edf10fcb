package edu.lanyard.dialects.maxkey;

import edu.lanyard.core.client.PresentedCredentials;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.dialects.ProductDialect;
import edu.lanyard.dialects.ServletCredentials;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How MaxKey read a request: where credentials and the profile token come from, the checks it made before any lookup
 * (the UUID shape of a code, no implicit grant at the token endpoint) and how its filter chain worded failures.
 */
final class MaxKeyRequests {
    private static final Pattern UUID_SHAPE = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final MaxKeyOptions options;

    MaxKeyRequests(MaxKeyOptions options) {
        this.options = options;
    }

    static boolean uuidShaped(String value) {
        return value != null && UUID_SHAPE.matcher(value).matches();
    }

    /** TokenEndpointAuthenticationFilter: parameters; Basic only without client_id, never for the password grant. */
    PresentedCredentials credentials(String authorization, RequestParams params) {
        boolean password = "password".equals(params.firstOrNull("grant_type"));
        return ServletCredentials.read(authorization, params, !password, true);
    }

    void precheckTokenRequest(RequestParams params) {
        String grant = params.firstOrNull("grant_type");
        if ("implicit".equals(grant)) {
            throw OAuthError.invalidGrant("Implicit grant type not supported from token endpoint").toException();
        }
        if ("authorization_code".equals(grant) && options.uuidTokenCheck()
                && !uuidShaped(params.firstOrNull("code"))) {
            throw OAuthError.invalidRequest("The code is not valid format .").toException();
        }
    }

    /** A wrong user password was reported as a missing client authentication by MaxKey's filter chain. */
    OAuthError tokenError(RequestParams params, OAuthError error) {
        if ("invalid_client".equals(error.error())) {
            return new OAuthError("invalid_client", "Bad client credentials", error.status());
        }
        if ("password".equals(params.firstOrNull("grant_type")) && "invalid_grant".equals(error.error())) {
            return OAuthError.invalidRequest(
                    "There is no client authentication. Try adding an appropriate authentication.");
        }
        return error;
    }

    /** RequestTokenUtils: access_token, then token, then the Authorization header with or without "Bearer ". */
    Optional<String> profileToken(String header, RequestParams params) {
        Optional<String> param = params.first("access_token").or(() -> params.first("token"));
        if (param.isPresent()) {
            return param;
        }
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7) : header;
        return ProductDialect.presentedToken(value);
    }

    boolean acceptsTokenShape(String token) {
        return !options.uuidTokenCheck() || uuidShaped(token);
    }
}
