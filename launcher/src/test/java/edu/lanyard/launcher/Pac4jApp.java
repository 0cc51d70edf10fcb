package edu.lanyard.launcher;

import org.pac4j.core.context.Cookie;
import org.pac4j.core.context.WebContext;
import org.pac4j.core.context.session.SessionStore;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The application's side of a pac4j client in a test: the callback request as the app's web framework would present
 * it (its URL and parameters; nothing else is consulted) and the app's HTTP session, kept across the redirect round
 * trip. pac4j itself talks to Lanyard for real.
 */
public final class Pac4jApp {
    private Pac4jApp() {
    }

    /** The application's side of the callback request: its parameters; nothing else is consulted. */
    public record CallbackRequest(URI url, Map<String, String> params, Map<String, Object> attributes,
                                  Map<String, String> responseHeaders) implements WebContext {
        /** @param url the application's callback URL the identity provider sent the browser back to */
        public CallbackRequest(String url, Map<String, String> params) {
            this(URI.create(url), params, new HashMap<>(), new HashMap<>());
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
            return url.getHost();
        }

        @Override
        public int getServerPort() {
            return url.getPort();
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
            return url.toString();
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
            return url.getPath();
        }
    }

    /** The application's HTTP session, kept across the redirect round trip. */
    public static final class MapSessionStore implements SessionStore {
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
