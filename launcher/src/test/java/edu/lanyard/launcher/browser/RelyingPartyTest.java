package edu.lanyard.launcher.browser;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.validators.AccessTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.AuthorizationCodeValidator;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import edu.lanyard.launcher.LanyardTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An application signing users in with the Nimbus OAuth 2.0 / OIDC SDK exactly as its documentation shows: provider
 * metadata from discovery, SDK-built requests, ID token validation against the remote JWKS.
 */
class RelyingPartyTest {
    private static OIDCProviderMetadata provider;
    private static URL jwks;

    private final BrowserAgent browser = new BrowserAgent();

    @BeforeAll
    static void discover() throws Exception {
        LanyardTestServer server = LanyardTestServer.sharedSignIn();
        provider = OIDCProviderMetadata.resolve(new Issuer(server.baseUrl()));
        jwks = provider.getJWKSetURI().toURL();
    }

    @Test
    void discoveryDescribesWhatTheProviderDoes() {
        assertEquals(LanyardTestServer.sharedSignIn().baseUrl(), provider.getIssuer().getValue());
        assertTrue(provider.getResponseTypes().contains(ResponseType.CODE));
        assertTrue(provider.getResponseTypes().contains(new ResponseType("code", "id_token")));
        assertTrue(provider.getCodeChallengeMethods().contains(CodeChallengeMethod.S256));
        assertTrue(provider.getIDTokenJWSAlgs().contains(JWSAlgorithm.RS256));
        assertTrue(provider.getIDTokenJWSAlgs().contains(JWSAlgorithm.ES256));
        assertTrue(provider.getEndSessionEndpointURI() != null);
        assertTrue(provider.getUserInfoEndpointURI() != null);
    }

    @Test
    void codeFlowWithPkceAndRs256IdToken() throws Exception {
        SignedIn signedIn = signIn(TestClient.WEBAPP, JWSAlgorithm.RS256, "alice", "alice-pass");
        IDTokenClaimsSet claims = signedIn.claims();
        assertEquals("alice", claims.getStringClaim("preferred_username"));
        assertTrue(claims.getAuthenticationTime() != null);
        AccessTokenValidator.validate(signedIn.tokens().getAccessToken(), JWSAlgorithm.RS256,
                claims.getAccessTokenHash());

        UserInfoResponse response = UserInfoResponse.parse(new UserInfoRequest(provider.getUserInfoEndpointURI(),
                signedIn.tokens().getBearerAccessToken()).toHTTPRequest().send());
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        UserInfo userInfo = response.toSuccessResponse().getUserInfo();
        assertEquals(claims.getSubject(), userInfo.getSubject());
        assertEquals("Alice Zhang", userInfo.getName());
        assertEquals("alice@example.edu", userInfo.getEmailAddress());
    }

    @Test
    void aClientRegisteredForEs256GetsEs256IdTokens() throws Exception {
        SignedIn signedIn = signIn(TestClient.ES_APP, JWSAlgorithm.ES256, "bob", "bob-pass");
        assertEquals(JWSAlgorithm.ES256, signedIn.tokens().getIDToken().getHeader().getAlgorithm());
        IDTokenValidator expectingRs256 = new IDTokenValidator(provider.getIssuer(),
                new ClientID(TestClient.ES_APP.id()), JWSAlgorithm.RS256, jwks);
        assertThrows(BadJOSEException.class, () -> expectingRs256.validate(signedIn.tokens().getIDToken(),
                signedIn.nonce()), "the algorithm is the client's, not whatever the token says");
        AccessTokenValidator.validate(signedIn.tokens().getAccessToken(), JWSAlgorithm.ES256,
                signedIn.claims().getAccessTokenHash());
    }

    @Test
    void theValidatorRejectsAnotherRequestsNonce() throws Exception {
        SignedIn signedIn = signIn(TestClient.WEBAPP, JWSAlgorithm.RS256, "bob", "bob-pass");
        IDTokenValidator validator = new IDTokenValidator(provider.getIssuer(), new ClientID(TestClient.WEBAPP.id()),
                JWSAlgorithm.RS256, jwks);
        assertThrows(BadJOSEException.class, () -> validator.validate(signedIn.tokens().getIDToken(), new Nonce()));
    }

    @Test
    void hybridFlowCodeIsBoundToTheFrontChannelIdToken() throws Exception {
        ClientID clientId = new ClientID(TestClient.WEBAPP.id());
        State state = new State();
        Nonce nonce = new Nonce();
        AuthenticationRequest request = new AuthenticationRequest.Builder(new ResponseType("code", "id_token"),
                new Scope("openid", "profile"), clientId, URI.create(TestClient.WEBAPP.redirectUri()))
                .endpointURI(provider.getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .build();
        AuthenticationSuccessResponse success = callback(request, "carol", "carol-pass");
        assertEquals(state, success.getState());
        IDTokenClaimsSet claims = new IDTokenValidator(provider.getIssuer(), clientId, JWSAlgorithm.RS256, jwks)
                .validate(success.getIDToken(), nonce);
        AuthorizationCodeValidator.validate(success.getAuthorizationCode(), JWSAlgorithm.RS256,
                claims.getCodeHash());
        assertEquals("carol", claims.getStringClaim("preferred_username"));
    }

    @Test
    void rpInitiatedLogoutReturnsToTheApplication() throws Exception {
        SignedIn signedIn = signIn(TestClient.WEBAPP, JWSAlgorithm.RS256, "dave", "dave-pass");
        State state = new State();
        URI bye = URI.create("http://127.0.0.1:9101/bye");
        LogoutRequest logout = new LogoutRequest(provider.getEndSessionEndpointURI(),
                signedIn.tokens().getIDToken(), bye, state);
        WebReply reply = browser.get(logout.toURI().toString());
        assertEquals(302, reply.status(), reply.summary());
        assertEquals(bye + "?state=" + state.getValue(), reply.location());
        UserInfoResponse after = UserInfoResponse.parse(new UserInfoRequest(provider.getUserInfoEndpointURI(),
                signedIn.tokens().getBearerAccessToken()).toHTTPRequest().send());
        assertEquals(401, after.toErrorResponse().getErrorObject().getHTTPStatusCode(),
                "the token died with the session");
    }

    private record SignedIn(OIDCTokens tokens, IDTokenClaimsSet claims, Nonce nonce) {
    }

    /** The application's whole sign-in: authorization request, callback, code exchange, ID token validation. */
    private SignedIn signIn(TestClient client, JWSAlgorithm expectedAlg, String username, String password)
            throws Exception {
        ClientID clientId = new ClientID(client.id());
        URI redirect = URI.create(client.redirectUri());
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope("openid", "profile", "email"), clientId, redirect)
                .endpointURI(provider.getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build();
        AuthenticationSuccessResponse success = callback(request, username, password);
        assertEquals(state, success.getState(), "state comes back unchanged");
        AuthorizationCode code = success.getAuthorizationCode();

        TokenRequest tokenRequest = new TokenRequest(provider.getTokenEndpointURI(),
                new ClientSecretBasic(clientId, new Secret(client.secret())),
                new AuthorizationCodeGrant(code, redirect, verifier));
        HTTPResponse http = tokenRequest.toHTTPRequest().send();
        TokenResponse response = OIDCTokenResponseParser.parse(http);
        assertTrue(response.indicatesSuccess(), http::getBody);
        OIDCTokens tokens = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();

        IDTokenValidator validator = new IDTokenValidator(provider.getIssuer(), clientId, expectedAlg, jwks);
        JWT idToken = tokens.getIDToken();
        IDTokenClaimsSet claims = validator.validate(idToken, nonce);
        return new SignedIn(tokens, claims, nonce);
    }

    private AuthenticationSuccessResponse callback(AuthenticationRequest request, String username, String password)
            throws Exception {
        WebReply login = browser.get(request.toURI().toString());
        WebReply redirect = browser.signIn(login, username, password);
        assertEquals(303, redirect.status(), redirect.summary());
        AuthenticationResponse response = AuthenticationResponseParser.parse(URI.create(redirect.location()));
        assertTrue(response.indicatesSuccess(), redirect::location);
        return response.toSuccessResponse();
    }
}
