package edu.lanyard.authorize;

import edu.lanyard.authorize.page.ErrorKind;
import edu.lanyard.core.client.ClientLookup;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.domain.GrantType;
import edu.lanyard.core.domain.HeaderValues;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.error.OAuthException;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.core.token.Pkce;
import edu.lanyard.core.token.Scopes;

import java.util.Set;

/**
 * The checks of an authorization request, in the order that decides where an error may go: client, then redirect
 * URI (both failures shown as a page), then everything else (redirected to the client).
 */
public final class AuthorizationRequestParser {
    private static final Set<Set<String>> RESPONSE_TYPES = Set.of(
            Set.of("code"), Set.of("token"), Set.of("id_token"), Set.of("code", "id_token"),
            Set.of("id_token", "token"), Set.of("code", "token"), Set.of("code", "id_token", "token"));
    private static final Set<String> PROMPTS = Set.of("none", "login", "consent", "select_account");

    private final ClientLookup clients;

    public AuthorizationRequestParser(ClientLookup clients) {
        this.clients = clients;
    }

    /** @param defaultResponseType what a dialect assumes when response_type is missing, or null */
    public Parsed parse(RequestParams params, String dialect, String defaultResponseType) {
        String clientId = params.first("client_id").orElseThrow(() -> page(ErrorKind.BAD_REQUEST,
                "invalid_request", "client_id is missing"));
        Client client = clients.find(clientId).orElseThrow(() -> page(ErrorKind.UNKNOWN_CLIENT, "invalid_client",
                "unknown client"));
        if (!params.repeated().isEmpty() && "standard".equals(dialect)) {
            throw page(ErrorKind.BAD_REQUEST, "invalid_request",
                    "parameter included more than once: " + String.join(", ", params.repeated()));
        }
        // As sent, before trimming: a line break must not pass for a clean URI by sitting at the end.
        if (!params.allAsSent("redirect_uri").stream().allMatch(HeaderValues::isSafeUri)) {
            throw page(ErrorKind.INVALID_REDIRECT_URI, "invalid_request",
                    "redirect_uri contains a control character or whitespace");
        }
        String requestedUri = params.firstOrNull("redirect_uri");
        String redirectUri = effectiveRedirectUri(client, requestedUri);

        String responseType = params.first("response_type").orElse(defaultResponseType);
        String responseMode = params.firstOrNull("response_mode");
        AuthorizationRequest request = new AuthorizationRequest(clientId, redirectUri, requestedUri != null,
                responseType, responseMode, params.firstOrNull("scope"), params.firstOrNull("state"),
                params.firstOrNull("nonce"), params.firstOrNull("code_challenge"),
                params.firstOrNull("code_challenge_method"), params.firstOrNull("prompt"),
                null, params.firstOrNull("login_hint"), params.firstOrNull("ui_locales"), dialect);
        // From here on the redirect URI is trusted: errors go back to the client.
        if (responseType == null) {
            throw redirect(withMode(request, null), OAuthError.invalidRequest("response_type is missing"));
        }
        Set<String> types = Scopes.parse(responseType);
        if (!RESPONSE_TYPES.contains(types)) {
            throw redirect(withMode(request, null), new OAuthError("unsupported_response_type",
                    "unsupported response_type: " + responseType, 400));
        }
        request = withMode(request, responseMode);
        if (responseMode != null && !Set.of("query", "fragment", "form_post").contains(responseMode)) {
            throw redirect(withMode(request, null), OAuthError.invalidRequest("unsupported response_mode"));
        }
        if ("query".equals(responseMode) && (types.contains("token") || types.contains("id_token"))) {
            throw redirect(withMode(request, null), OAuthError.invalidRequest(
                    "tokens must not be returned in the query string"));
        }
        if (types.contains("code") && !client.allows(GrantType.AUTHORIZATION_CODE)) {
            throw redirect(request, OAuthError.unauthorizedClient("this client may not use the code flow"));
        }
        if ((types.contains("token") || types.contains("id_token") && !types.contains("code"))
                && !client.allows(GrantType.IMPLICIT)) {
            throw redirect(request, OAuthError.unauthorizedClient("this client may not use the implicit flow"));
        }
        String scope = grantedScope(request, client);
        if (types.contains("id_token") && !Scopes.contains(scope, "openid")) {
            throw redirect(request, OAuthError.invalidRequest("id_token responses need the openid scope"));
        }
        if (types.contains("id_token") && request.nonce() == null) {
            throw redirect(request, OAuthError.invalidRequest("nonce is required when an id_token is returned"));
        }
        checkPkce(request, client);
        Long maxAge = maxAge(request, params.firstOrNull("max_age"));
        checkPrompt(request);
        AuthorizationRequest checked = new AuthorizationRequest(clientId, redirectUri, request.redirectUriGiven(),
                responseType, request.responseMode(), scope, request.state(), request.nonce(),
                request.codeChallenge(), pkceMethod(request), request.prompt(), maxAge, request.loginHint(),
                request.uiLocales(), dialect);
        return new Parsed(client, checked);
    }

    public record Parsed(Client client, AuthorizationRequest request) {
    }

    private static String effectiveRedirectUri(Client client, String requested) {
        if (requested == null) {
            if (client.redirectUris().size() == 1) {
                return client.redirectUris().get(0);
            }
            throw page(ErrorKind.INVALID_REDIRECT_URI, "invalid_request", "redirect_uri is missing");
        }
        if (!client.acceptsRedirectUri(requested)) {
            throw page(ErrorKind.INVALID_REDIRECT_URI, "invalid_request",
                    "redirect_uri is not registered for this client");
        }
        return requested;
    }

    private static String grantedScope(AuthorizationRequest request, Client client) {
        try {
            return Scopes.grant(request.scope(), client.scopes());
        } catch (OAuthException e) {
            throw redirect(request, e.error());
        }
    }

    private static void checkPkce(AuthorizationRequest request, Client client) {
        String challenge = request.codeChallenge();
        String method = request.codeChallengeMethod();
        if (challenge == null) {
            if (method != null) {
                throw redirect(request, OAuthError.invalidRequest("code_challenge_method without code_challenge"));
            }
            if (request.wantsCode() && client.isPublic()) {
                throw redirect(request, OAuthError.invalidRequest("public clients must use PKCE (code_challenge)"));
            }
            return;
        }
        if (method != null && !method.equals("S256") && !method.equals("plain")) {
            throw redirect(request, OAuthError.invalidRequest("code_challenge_method must be S256 or plain"));
        }
        if (!Pkce.wellFormed(challenge)) {
            throw redirect(request, OAuthError.invalidRequest("code_challenge must be 43-128 unreserved characters"));
        }
    }

    private static String pkceMethod(AuthorizationRequest request) {
        if (request.codeChallenge() == null) {
            return null;
        }
        return request.codeChallengeMethod() == null ? "plain" : request.codeChallengeMethod();
    }

    private static Long maxAge(AuthorizationRequest request, String raw) {
        if (raw == null) {
            return null;
        }
        try {
            long value = Long.parseLong(raw);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw redirect(request, OAuthError.invalidRequest("max_age must be a non-negative number of seconds"));
        }
    }

    private static void checkPrompt(AuthorizationRequest request) {
        Set<String> prompts = Scopes.parse(request.prompt());
        if (!PROMPTS.containsAll(prompts)) {
            throw redirect(request, OAuthError.invalidRequest("unsupported prompt value"));
        }
        if (prompts.contains("none") && prompts.size() > 1) {
            throw redirect(request, OAuthError.invalidRequest("prompt=none cannot be combined with other values"));
        }
    }

    /**
     * The default response mode: fragment once tokens are in the response, else query (also for a response_type
     * Lanyard does not know, whose unsupported_response_type error the client can then read server-side).
     */
    private static AuthorizationRequest withMode(AuthorizationRequest r, String requested) {
        String mode = requested;
        if (mode == null || !Set.of("query", "fragment", "form_post").contains(mode)) {
            Set<String> types = Scopes.parse(r.responseType());
            mode = types.contains("token") || types.contains("id_token") ? "fragment" : "query";
        }
        return new AuthorizationRequest(r.clientId(), r.redirectUri(), r.redirectUriGiven(), r.responseType(), mode,
                r.scope(), r.state(), r.nonce(), r.codeChallenge(), r.codeChallengeMethod(), r.prompt(), r.maxAge(),
                r.loginHint(), r.uiLocales(), r.dialect());
    }

    private static AuthorizationFailure.Exception page(ErrorKind kind, String code, String detail) {
        return new AuthorizationFailure.ShowPage(kind, code, detail).toException();
    }

    private static AuthorizationFailure.Exception redirect(AuthorizationRequest request, OAuthError error) {
        return new AuthorizationFailure.Redirect(request, error).toException();
    }
}
