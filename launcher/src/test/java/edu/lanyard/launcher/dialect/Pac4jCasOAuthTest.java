package edu.lanyard.launcher.dialect;

import edu.lanyard.launcher.Browser;
import edu.lanyard.launcher.LanyardTestServer;
import org.junit.jupiter.api.Test;
import org.pac4j.core.context.CallContext;
import org.pac4j.core.context.Cookie;
import org.pac4j.core.context.WebContext;
import org.pac4j.core.context.session.SessionStore;
import org.pac4j.core.credentials.Credentials;
import org.pac4j.core.exception.http.FoundAction;
import org.pac4j.core.exception.http.RedirectionAction;
import org.pac4j.core.profile.UserProfile;
import org.pac4j.oauth.client.CasOAuthWrapperClient;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

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
        SessionStore session = new MapSessionStore();

        RedirectionAction redirect = client.getRedirectionAction(new CallContext(new AppRequest(Map.of()), session))
                .orElseThrow();
        String authorizeUrl = ((FoundAction) redirect).getLocation();
        assertTrue(authorizeUrl.startsWith(base + "/cas/oauth2.0/authorize?"), authorizeUrl);

        String callback = new Browser(base).authorize(authorizeUrl, "zhangsan", "zhangsan-pass");
        assertTrue(callback.startsWith(CALLBACK), callback);
        CallContext back = new CallContext(new AppRequest(Wire.query(callback)), session);
        Credentials credentials = client.getCredentials(back).orElseThrow();
        credentials = client.validateCredentials(back, credentials).orElseThrow();
        UserProfile profile = client.getUserProfile(back, credentials).orElseThrow();
        assertEquals("zhangsan", profile.getId());
        assertEquals("[\"systemcode1\",\"systemcode2\",\"systemcode3\"]",
                String.valueOf(profile.getAttribute("systemCodes")), "pac4j keeps multi-valued attributes as JSON");
        assertEquals("sinosoftToken0e0e8864d9f443fd8509f28a1b84c6f8", profile.getAttribute("sinosoftToken"));
    }

    /** The application's side of the callback request: its parameters; nothing else is consulted. */
    private record AppRequest(Map<String, String> params, Map<String, Object> attributes,
                              Map<String, String> responseHeaders) implements WebContext {
        AppRequest(Map<String, String> params) {
            this(params, new HashMap<>(), new HashMap<>());
        }

        @Override
        public Optional<String> getRequestParameter(String name) {
            return Optional.ofNullable(params.get(name));
        }

        @Override
        public Map<String, String[]> getRequestParameters() {
            Map<String, String[]> all = new HashMap<>();
            params.forEach((k, v) -> all.put(k, new String[]{v}));
            return all;
        }

        @Override
        public Optional getRequestAttribute(String name) {
            return Optional.ofNullable(attributes.get(name));
        }

        @Override
        public void setRequestAttribute(String name, Object value) {
            attributes.put(name, value);
        }

        @Override
        public Optional<String> getRequestHeader(String name) {
            return Optional.empty();
        }

        @Override
        public String getRequestMethod() {
            return "GET";
        }

        @Override
        public String getRemoteAddr() {
            return "127.0.0.1";
        }

        @Override
        public void setResponseHeader(String name, String value) {
            responseHeaders.put(name, value);
        }

        @Override
        public Optional<String> getResponseHeader(String name) {
            return Optional.ofNullable(responseHeaders.get(name));
        }

        @Override
        public void setResponseContentType(String content) {
            responseHeaders.put("Content-Type", content);
        }

        @Override
        public String getServerName() {
            return "127.0.0.1";
        }

        @Override
        public int getServerPort() {
            return 18081;
        }

        @Override
        public String getScheme() {
            return "http";
        }

        @Override
        public boolean isSecure() {
            return false;
        }

        @Override
        public String getFullRequestURL() {
            return CALLBACK;
        }

        @Override
        public Collection<Cookie> getRequestCookies() {
            return new ArrayList<>();
        }

        @Override
        public void addResponseCookie(Cookie cookie) {
        }

        @Override
        public String getPath() {
            return "/callback";
        }
    }

    /** The application's HTTP session, kept across the redirect round trip. */
    private static final class MapSessionStore implements SessionStore {
        private final Map<String, Object> values = new HashMap<>();

        @Override
        public Optional<String> getSessionId(WebContext context, boolean create) {
            return Optional.of("app-session");
        }

        @Override
        public Optional<Object> get(WebContext context, String key) {
            return Optional.ofNullable(values.get(key));
        }

        @Override
        public void set(WebContext context, String key, Object value) {
            if (value == null) {
                values.remove(key);
            } else {
                values.put(key, value);
            }
        }

        @Override
        public boolean destroySession(WebContext context) {
            values.clear();
            return true;
        }

        @Override
        public Optional<Object> getTrackableSession(WebContext context) {
            return Optional.empty();
        }

        @Override
        public Optional<SessionStore> buildFromTrackableSession(WebContext context, Object trackableSession) {
            return Optional.empty();
        }

        @Override
        public boolean renewSession(WebContext context) {
            return false;
        }
    }
}
