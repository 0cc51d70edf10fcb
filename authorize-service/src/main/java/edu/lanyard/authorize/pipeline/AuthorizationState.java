package edu.lanyard.authorize.pipeline;

import edu.lanyard.authorize.AuthorizationRequest;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.core.session.SessionRecord;

import java.util.Optional;

/**
 * What the steps of an authorization pipeline know so far. The endpoint fills in what came with the HTTP request;
 * a step that lets the request go on hands the next one a copy with what it established.
 *
 * @param params        the request's parameters; for a resumed request, the form that resumed it (or none)
 * @param sessionCookie the browser's SSO cookie, if it sent one
 * @param clientIp      for the events the response logs
 * @param client        null until check client has found it
 * @param request       null until check redirect URI trusts the redirect URI; from then on every error goes back
 *                      to the client
 * @param session       null until the user is known to be signed in
 */
public record AuthorizationState(RequestParams params, Optional<String> sessionCookie, String clientIp,
                                 Client client, AuthorizationRequest request, SessionRecord session) {

    /** A request as it arrives at an authorization endpoint: nothing checked yet. */
    public static AuthorizationState received(RequestParams params, Optional<String> sessionCookie,
                                              String clientIp) {
        return new AuthorizationState(params, sessionCookie, clientIp, null, null, null);
    }

    /** A parked request taken up again once the user has signed in or answered the consent form. */
    public static AuthorizationState resumed(RequestParams params, String clientIp, Client client,
                                             AuthorizationRequest request, SessionRecord session) {
        return new AuthorizationState(params, Optional.empty(), clientIp, client, request, session);
    }

    /** Whether errors may go back to the client: its redirect URI has been checked. */
    public boolean redirectUriTrusted() {
        return request != null;
    }

    public AuthorizationState withClient(Client found) {
        return new AuthorizationState(params, sessionCookie, clientIp, found, request, session);
    }

    public AuthorizationState withRequest(AuthorizationRequest refined) {
        return new AuthorizationState(params, sessionCookie, clientIp, client, refined, session);
    }

    public AuthorizationState withSession(SessionRecord signedIn) {
        return new AuthorizationState(params, sessionCookie, clientIp, client, request, signedIn);
    }
}
