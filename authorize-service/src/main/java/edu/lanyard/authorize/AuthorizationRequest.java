package edu.lanyard.authorize;

import edu.lanyard.core.oidc.ClaimsRequest;
import edu.lanyard.core.token.Scopes;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An authorization request (RFC 6749 §4.1.1, §4.2.1; OIDC Core §3.1.2.1) once its client and redirect URI are
 * trusted. The checks of the authorization pipeline refine it (granted scope, response mode, PKCE method, max_age);
 * fully checked, it is kept in Hazelcast while the user signs in or consents, so any node can finish it. Its
 * components are that stored form: renaming one breaks the requests parked by a node of another version.
 *
 * @param redirectUri      the effective redirect URI (the registered one when the request omitted it)
 * @param redirectUriGiven whether the request carried redirect_uri (then the token request must repeat it)
 * @param responseType     the space-separated response types, e.g. {@code code} or {@code code id_token}
 * @param responseMode     {@code query}, {@code fragment} or {@code form_post}
 * @param maxAge           seconds, or null
 * @param dialect          the dialect whose endpoint received it, which shapes the response
 * @param claims           the OIDC §5.5 claims parameter as {@link edu.lanyard.core.oidc.ClaimsRequest#toJson()},
 *                         or null (also in requests parked by a node from before the parameter)
 * @param echoed           product parameters sent back unchanged with the code (MaxKey's {@code service}), in
 *                         order, or null when there are none (also in requests parked by an older node)
 */
public record AuthorizationRequest(
        String clientId,
        String redirectUri,
        boolean redirectUriGiven,
        String responseType,
        String responseMode,
        String scope,
        String state,
        String nonce,
        String codeChallenge,
        String codeChallengeMethod,
        String prompt,
        Long maxAge,
        String loginHint,
        String uiLocales,
        String dialect,
        String claims,
        Map<String, String> echoed) {

    public AuthorizationRequest {
        echoed = echoed == null || echoed.isEmpty() ? null : Collections.unmodifiableMap(new LinkedHashMap<>(echoed));
    }

    /** A request that echoes no product parameter. */
    public AuthorizationRequest(String clientId, String redirectUri, boolean redirectUriGiven, String responseType,
                                String responseMode, String scope, String state, String nonce, String codeChallenge,
                                String codeChallengeMethod, String prompt, Long maxAge, String loginHint,
                                String uiLocales, String dialect, String claims) {
        this(clientId, redirectUri, redirectUriGiven, responseType, responseMode, scope, state, nonce, codeChallenge,
                codeChallengeMethod, prompt, maxAge, loginHint, uiLocales, dialect, claims, null);
    }

    /** A request without the claims parameter. */
    public AuthorizationRequest(String clientId, String redirectUri, boolean redirectUriGiven, String responseType,
                                String responseMode, String scope, String state, String nonce, String codeChallenge,
                                String codeChallengeMethod, String prompt, Long maxAge, String loginHint,
                                String uiLocales, String dialect) {
        this(clientId, redirectUri, redirectUriGiven, responseType, responseMode, scope, state, nonce, codeChallenge,
                codeChallengeMethod, prompt, maxAge, loginHint, uiLocales, dialect, null);
    }

    /** The claims individually requested, none when the parameter was absent. */
    public ClaimsRequest claimsRequest() {
        return ClaimsRequest.fromStored(claims);
    }

    public AuthorizationRequest withClaims(String normalized) {
        return new AuthorizationRequest(clientId, redirectUri, redirectUriGiven, responseType, responseMode, scope,
                state, nonce, codeChallenge, codeChallengeMethod, prompt, maxAge, loginHint, uiLocales, dialect,
                normalized, echoed);
    }

    /** The product parameters to send back with the code; empty when none. */
    public Map<String, String> echoedOrEmpty() {
        return echoed == null ? Map.of() : echoed;
    }

    public AuthorizationRequest withEchoed(Map<String, String> parameters) {
        return new AuthorizationRequest(clientId, redirectUri, redirectUriGiven, responseType, responseMode, scope,
                state, nonce, codeChallenge, codeChallengeMethod, prompt, maxAge, loginHint, uiLocales, dialect,
                claims, parameters);
    }

    public AuthorizationRequest withPrompt(String value) {
        return new AuthorizationRequest(clientId, redirectUri, redirectUriGiven, responseType, responseMode, scope,
                state, nonce, codeChallenge, codeChallengeMethod, value, maxAge, loginHint, uiLocales, dialect,
                claims, echoed);
    }

    public Set<String> responseTypes() {
        return Scopes.parse(responseType);
    }

    public boolean wantsCode() {
        return responseTypes().contains("code");
    }

    public boolean wantsAccessToken() {
        return responseTypes().contains("token");
    }

    public boolean wantsIdToken() {
        return responseTypes().contains("id_token");
    }

    public boolean hasPrompt(String value) {
        return Scopes.parse(prompt).contains(value);
    }

    public AuthorizationRequest withResponseMode(String mode) {
        return new AuthorizationRequest(clientId, redirectUri, redirectUriGiven, responseType, mode, scope, state,
                nonce, codeChallenge, codeChallengeMethod, prompt, maxAge, loginHint, uiLocales, dialect, claims,
                echoed);
    }

    public AuthorizationRequest withScope(String granted) {
        return new AuthorizationRequest(clientId, redirectUri, redirectUriGiven, responseType, responseMode, granted,
                state, nonce, codeChallenge, codeChallengeMethod, prompt, maxAge, loginHint, uiLocales, dialect,
                claims, echoed);
    }

    public AuthorizationRequest withCodeChallengeMethod(String method) {
        return new AuthorizationRequest(clientId, redirectUri, redirectUriGiven, responseType, responseMode, scope,
                state, nonce, codeChallenge, method, prompt, maxAge, loginHint, uiLocales, dialect, claims, echoed);
    }

    public AuthorizationRequest withMaxAge(Long seconds) {
        return new AuthorizationRequest(clientId, redirectUri, redirectUriGiven, responseType, responseMode, scope,
                state, nonce, codeChallenge, codeChallengeMethod, prompt, seconds, loginHint, uiLocales, dialect,
                claims, echoed);
    }
}
