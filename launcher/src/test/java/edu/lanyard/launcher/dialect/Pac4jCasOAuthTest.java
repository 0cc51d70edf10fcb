package edu.lanyard.launcher.dialect;

import edu.lanyard.launcher.Browser;
import edu.lanyard.launcher.LanyardTestServer;
import edu.lanyard.launcher.Pac4jApp;
import org.junit.jupiter.api.Test;
import org.pac4j.core.context.CallContext;
import org.pac4j.core.context.session.SessionStore;
import org.pac4j.core.credentials.Credentials;
import org.pac4j.core.exception.http.FoundAction;
import org.pac4j.core.exception.http.RedirectionAction;
import org.pac4j.core.profile.UserProfile;
import org.pac4j.oauth.client.CasOAuthWrapperClient;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * pac4j's {@link CasOAuthWrapperClient} (pac4j-oauth 6.0.6), the client CAS-OAuth apps use, driven headless: its
 * redirection to {@code /cas/oauth2.0/authorize}, a sign-in on Lanyard's page, then its callback handling, which
 * exchanges the code at {@code /accessToken} and reads the NESTED {@code /profile}.
 */
class Pac4jCasOAuthTest {
    private static final String CALLBACK = "http://127.0.0.1:18081/callback";
    private final String base = LanyardTestServer.sharedDialects().baseUrl();

    @Test
    void pac4jSignsInThroughTheCasDialect() {
        CasOAuthWrapperClient client = new CasOAuthWrapperClient("cas-pac4j", "cas-pac4j-secret-0123456789",
                base + "/cas/oauth2.0");
        client.setCallbackUrl(CALLBACK);
        SessionStore session = new Pac4jApp.MapSessionStore();

        RedirectionAction redirect = client.getRedirectionAction(
                new CallContext(new Pac4jApp.CallbackRequest(CALLBACK, Map.of()), session))
                .orElseThrow();
        String authorizeUrl = ((FoundAction) redirect).getLocation();
        assertTrue(authorizeUrl.startsWith(base + "/cas/oauth2.0/authorize?"), authorizeUrl);

        String callback = new Browser(base).authorize(authorizeUrl, "zhangsan", "zhangsan-pass");
        assertTrue(callback.startsWith(CALLBACK), callback);
        CallContext back = new CallContext(new Pac4jApp.CallbackRequest(CALLBACK, Wire.query(callback)), session);
        Credentials credentials = client.getCredentials(back).orElseThrow();
        credentials = client.validateCredentials(back, credentials).orElseThrow();
        UserProfile profile = client.getUserProfile(back, credentials).orElseThrow();
        assertEquals("zhangsan", profile.getId());
        assertEquals("[\"systemcode1\",\"systemcode2\",\"systemcode3\"]",
                String.valueOf(profile.getAttribute("systemCodes")), "pac4j keeps multi-valued attributes as JSON");
        assertEquals("sinosoftToken0e0e8864d9f443fd8509f28a1b84c6f8", profile.getAttribute("sinosoftToken"));
    }
}
