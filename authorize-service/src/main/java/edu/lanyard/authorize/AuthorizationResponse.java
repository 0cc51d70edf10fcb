package edu.lanyard.authorize;

import edu.lanyard.authorize.responsemode.FrontChannelReply;
import edu.lanyard.authorize.responsemode.ResponseMode;
import edu.lanyard.authorize.responsemode.ResponseModes;
import edu.lanyard.core.error.OAuthError;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parameters going back to the client's redirect URI, in order, and the {@link ResponseMode} that carries them: the
 * query, the fragment, an auto-posted form, or (a product dialect's switch) query and fragment both.
 */
public record AuthorizationResponse(String redirectUri, ResponseMode mode, Map<String, String> params) {

    public AuthorizationResponse {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** The answer to {@code request}: to its redirect URI, in the response mode it asked for or was given. */
    public static AuthorizationResponse to(AuthorizationRequest request, Map<String, String> params) {
        return new AuthorizationResponse(request.redirectUri(), ResponseModes.named(request.responseMode()), params);
    }

    /** An error for the client (RFC 6749 §4.1.2.1, §4.2.2.1): error, error_description, and the request's state. */
    public static AuthorizationResponse error(AuthorizationRequest request, OAuthError error) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error.error());
        if (error.description() != null) {
            params.put("error_description", error.description());
        }
        if (request.state() != null) {
            params.put("state", request.state());
        }
        return to(request, params);
    }

    /** The response as the browser gets it. */
    public FrontChannelReply reply() {
        return mode.reply(redirectUri, params);
    }
}
