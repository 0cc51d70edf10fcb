package edu.lanyard.launcher.browser;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
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
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.ClaimsRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.Address;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import edu.lanyard.launcher.LanyardTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A strict OpenID Connect relying party (the Nimbus SDK) reads the §5.1 standard claims: it validates the id_token,
 * parses userinfo as {@link UserInfo}, asks for single claims with the §5.5 claims parameter, and sees on the consent
 * page exactly the claims it will get.
 */
class StrictRelyingPartyClaimsTest {
    private static final ClientID RP = new ClientID("rp");
    private static final Secret RP_SECRET = new Secret("rp-secret-0123456789abcdef");
    private static final URI RP_CALLBACK = URI.create("http://127.0.0.1:9121/cb");

    private static LanyardTestServer server;
    private static OIDCProviderMetadata provider;
    private static URL jwks;

    @BeforeAll
    static void start() throws Exception {
        server = LanyardTestServer.builder().importing("/claims-clients.yaml").start();
        provider = OIDCProviderMetadata.resolve(new Issuer(server.baseUrl()));
        jwks = provider.getJWKSetURI().toURL();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private record SignedIn(OIDCTokens tokens, IDTokenClaimsSet idToken) {
    }

    private static SignedIn signIn(Scope scope, ClaimsRequest claims) throws Exception {
        Nonce nonce = new Nonce();
        AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(ResponseType.CODE, scope, RP,
                RP_CALLBACK).endpointURI(provider.getAuthorizationEndpointURI()).state(new State()).nonce(nonce);
        if (claims != null) {
            request.claims(claims);
        }
        BrowserAgent browser = new BrowserAgent();
        WebReply redirect = browser.signIn(browser.get(request.build().toURI().toString()), "alice", "alice-pass");
        assertEquals(303, redirect.status(), redirect.summary());
        AuthenticationResponse response = AuthenticationResponseParser.parse(URI.create(redirect.location()));
        assertTrue(response.indicatesSuccess(), redirect::location);
        AuthenticationSuccessResponse success = response.toSuccessResponse();
        HTTPResponse http = new TokenRequest(provider.getTokenEndpointURI(), new ClientSecretBasic(RP, RP_SECRET),
                new AuthorizationCodeGrant(success.getAuthorizationCode(), RP_CALLBACK)).toHTTPRequest().send();
        TokenResponse tokens = OIDCTokenResponseParser.parse(http);
        assertTrue(tokens.indicatesSuccess(), http::getBody);
        OIDCTokens oidc = ((OIDCTokenResponse) tokens.toSuccessResponse()).getOIDCTokens();
        IDTokenClaimsSet idToken = new IDTokenValidator(provider.getIssuer(), RP, JWSAlgorithm.RS256, jwks)
                .validate(oidc.getIDToken(), nonce);
        return new SignedIn(oidc, idToken);
    }

    private static UserInfo userInfo(BearerAccessToken token) throws Exception {
        UserInfoResponse response = UserInfoResponse.parse(new UserInfoRequest(provider.getUserInfoEndpointURI(),
                token).toHTTPRequest().send());
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        return response.toSuccessResponse().getUserInfo();
    }

    @Test
    void discoveryAdvertisesTheClaimsParameterAndEveryStandardClaim() {
        assertTrue(provider.supportsClaimsParam());
        for (String claim : new String[] {"given_name", "family_name", "address", "birthdate", "zoneinfo",
                "updated_at", "phone_number_verified"}) {
            assertTrue(provider.getClaims().contains(claim), claim);
        }
        assertTrue(provider.getScopes().contains("address"));
    }

    @Test
    void everyScopeReleasesItsStandardClaimsToUserinfo() throws Exception {
        SignedIn signedIn = signIn(new Scope("openid", "profile", "email", "address", "phone"), null);
        UserInfo info = userInfo(signedIn.tokens().getBearerAccessToken());
        assertEquals(signedIn.idToken().getSubject(), info.getSubject());
        assertEquals("Alice Zhang", info.getName());
        assertEquals("Alice", info.getGivenName());
        assertEquals("Zhang", info.getFamilyName());
        assertEquals("Ali", info.getNickname());
        assertEquals("alice.zhang", info.getPreferredUsername());
        assertEquals(URI.create("https://people.example.edu/alice.png"), info.getPicture());
        assertEquals("2001-09-30", info.getBirthdate());
        assertEquals("Asia/Shanghai", info.getZoneinfo());
        assertEquals("zh-CN", info.getLocale());
        assertTrue(info.getUpdatedTime() != null, "updated_at is a number of seconds");
        assertEquals("alice@example.edu", info.getEmailAddress());
        assertEquals(Boolean.TRUE, info.getEmailVerified());
        assertEquals("+86 138 0000 0000", info.getPhoneNumber());
        assertEquals(Boolean.FALSE, info.getPhoneNumberVerified());
        Address address = info.getAddress();
        assertEquals("1 College Road", address.getStreetAddress());
        assertEquals("Hangzhou", address.getLocality());
        assertEquals("310000", address.getPostalCode());
        assertEquals("CN", address.getCountry());
        assertFalse(info.toJSONObject().containsKey("department"), "attributes are not claims");
        assertFalse(info.toJSONObject().containsValue(null), "no claim without a value");
    }

    @Test
    void onlyTheGrantedScopesClaimsAreReleased() throws Exception {
        UserInfo info = userInfo(signIn(new Scope("openid", "email"), null).tokens().getBearerAccessToken());
        assertEquals("alice@example.edu", info.getEmailAddress());
        assertNull(info.getGivenName());
        assertNull(info.getAddress());
        assertNull(info.getPhoneNumber());
    }

    @Test
    void claimsRequestedByNameAreReleasedWithoutTheirScopeAndSurviveARefresh() throws Exception {
        ClaimsRequest claims = new ClaimsRequest();
        claims.addUserInfoClaim("given_name");
        claims.addUserInfoClaim(new ClaimsRequest.Entry("address").withClaimRequirement(
                com.nimbusds.openid.connect.sdk.claims.ClaimRequirement.ESSENTIAL));
        claims.addIDTokenClaim("family_name");
        claims.addIDTokenClaim("x-campus-department");
        SignedIn signedIn = signIn(new Scope("openid", "offline_access"), claims);

        assertEquals("Zhang", signedIn.idToken().getStringClaim("family_name"));
        assertNull(signedIn.idToken().getStringClaim("given_name"), "asked for in userinfo only");
        assertNull(signedIn.idToken().getClaim("x-campus-department"), "not a standard claim");

        UserInfo info = userInfo(signedIn.tokens().getBearerAccessToken());
        assertEquals("Alice", info.getGivenName());
        assertEquals("Hangzhou", info.getAddress().getLocality());
        assertNull(info.getFamilyName(), "asked for in the id_token only");
        assertNull(info.getName(), "profile was not granted");

        HTTPResponse http = new TokenRequest(provider.getTokenEndpointURI(), new ClientSecretBasic(RP, RP_SECRET),
                new RefreshTokenGrant(signedIn.tokens().getRefreshToken())).toHTTPRequest().send();
        TokenResponse refreshed = OIDCTokenResponseParser.parse(http);
        assertTrue(refreshed.indicatesSuccess(), http::getBody);
        UserInfo again = userInfo(refreshed.toSuccessResponse().getTokens().getBearerAccessToken());
        assertEquals("Alice", again.getGivenName(), "the refreshed token carries the claims request");
    }

    @Test
    void malformedClaimsJsonGoesBackAsInvalidRequest() {
        BrowserAgent browser = new BrowserAgent();
        WebReply reply = browser.get(provider.getAuthorizationEndpointURI() + "?response_type=code&client_id=rp"
                + "&scope=openid&state=s9&nonce=n9&redirect_uri=" + RP_CALLBACK + "&claims=%7Bnot%20json");
        assertEquals(302, reply.status(), reply.summary());
        Callback callback = reply.callback();
        assertEquals("invalid_request", callback.get("error"));
        assertEquals("s9", callback.get("state"));
    }

    @Test
    void theConsentPageNamesWhatTheAppWillReceive() throws Exception {
        BrowserAgent browser = new BrowserAgent();
        ClaimsRequest claims = new ClaimsRequest();
        claims.addUserInfoClaim("birthdate");
        AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope("openid", "profile", "phone"), new ClientID("asking"), URI.create("http://127.0.0.1:9122/cb"))
                .endpointURI(provider.getAuthorizationEndpointURI()).state(new State()).nonce(new Nonce())
                .claims(claims).build();
        WebReply consent = browser.signIn(browser.get(request.toURI().toString()), "alice", "alice-pass");
        assertEquals(200, consent.status(), consent.summary());
        String html = consent.body();
        assertTrue(html.contains("full name, family name, given name, nickname, preferred username, photo,"
                + " date of birth, time zone, language, when your profile last changed"), html);
        assertTrue(html.contains("phone number, whether your phone number is verified"), html);
        assertFalse(html.contains("campus ID"), html);
        assertFalse(html.contains("department"), html);
        assertFalse(html.contains(">Share these details<"), "birthdate is already under profile");

        BrowserAgent chinese = new BrowserAgent("zh-CN,zh;q=0.9");
        WebReply zh = chinese.signIn(chinese.get(request.toURI().toString()), "alice", "alice-pass");
        assertTrue(zh.body().contains("姓名、姓、名、昵称、首选用户名、照片、出生日期、时区、语言、资料最近更新时间"), zh.body());
        assertFalse(zh.body().contains("学号"), zh.body());
    }
}
