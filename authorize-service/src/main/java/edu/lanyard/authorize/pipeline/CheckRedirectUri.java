package edu.lanyard.authorize.pipeline;

import edu.lanyard.authorize.AuthorizationRequest;
import edu.lanyard.authorize.FrontChannelDialect;
import edu.lanyard.authorize.page.ErrorKind;
import edu.lanyard.authorize.responsemode.ResponseModes;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.domain.HeaderValues;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.core.token.Scopes;

/**
 * The redirect URI is one the client registered (or the only one it has, when the request names none). This is the
 * last step that may show Lanyard's error page: once it passes, the request exists with a trusted redirect URI, in
 * the default response mode for its response type, and every later error goes back to the client.
 */
public final class CheckRedirectUri implements ImmediateStep {
    private final FrontChannelDialect dialect;

    /** @param dialect names the request's dialect and the response_type it assumes when there is none */
    public CheckRedirectUri(FrontChannelDialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public String name() {
        return "check redirect uri";
    }

    @Override
    public StepResult decide(AuthorizationState state) {
        RequestParams params = state.params();
        // As sent, before trimming: a line break must not pass for a clean URI by sitting at the end.
        if (!params.allAsSent("redirect_uri").stream().allMatch(HeaderValues::isSafeUri)) {
            return invalid("redirect_uri contains a control character or whitespace");
        }
        Client client = state.client();
        String requested = params.firstOrNull("redirect_uri");
        String redirectUri;
        if (requested == null) {
            if (client.redirectUris().size() != 1) {
                return invalid("redirect_uri is missing");
            }
            redirectUri = client.redirectUris().get(0);
        } else if (client.acceptsRedirectUri(requested)) {
            redirectUri = requested;
        } else {
            return invalid("redirect_uri is not registered for this client");
        }
        return new StepResult.Continue(state.withRequest(received(params, client, redirectUri, requested != null)));
    }

    /** The request as sent, with the values later steps check and refine. */
    private AuthorizationRequest received(RequestParams params, Client client, String redirectUri,
                                          boolean redirectUriGiven) {
        String responseType = params.first("response_type").orElse(dialect.defaultResponseType());
        // The registered id, which may differ in case from the one sent where the product ignored case.
        return new AuthorizationRequest(client.clientId(), redirectUri, redirectUriGiven,
                responseType, ResponseModes.defaultFor(Scopes.parse(responseType)), params.firstOrNull("scope"),
                params.firstOrNull("state"), params.firstOrNull("nonce"), params.firstOrNull("code_challenge"),
                params.firstOrNull("code_challenge_method"), params.firstOrNull("prompt"), null,
                params.firstOrNull("login_hint"), params.firstOrNull("ui_locales"), dialect.name());
    }

    private static StepResult invalid(String detail) {
        return new StepResult.ShowErrorPage(ErrorKind.INVALID_REDIRECT_URI, "invalid_request", detail);
    }
}
