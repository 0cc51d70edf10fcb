package edu.lanyard.core.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class RedirectUriMatchTest {
    private static final boolean ACCEPT = true;
    private static final boolean REFUSE = false;

    static Stream<Arguments> prefixCases() {
        return Stream.of(
                // registered without a path: host app.edu, any path
                arguments("https://app.edu", "https://app.edu", ACCEPT),
                arguments("https://app.edu", "https://app.edu/", ACCEPT),
                arguments("https://app.edu", "https://app.edu/cb?x=1", ACCEPT),
                arguments("https://app.edu", "https://APP.edu/cb", ACCEPT),
                arguments("https://APP.EDU", "https://app.edu/cb", ACCEPT),
                arguments("https://app.edu", "HTTPS://app.edu/cb", ACCEPT),
                arguments("https://app.edu", "https://app.edu:443/cb", ACCEPT),
                arguments("http://app.edu:80/", "http://app.edu/cb", ACCEPT),
                arguments("https://app.edu", "https://app.edu.evil.com/", REFUSE),
                arguments("https://app.edu", "https://app.edu.evil.com", REFUSE),
                arguments("https://app.edu", "https://app.edu@evil.com/", REFUSE),
                arguments("https://app.edu", "https://app.edu:x@evil.com/", REFUSE),
                arguments("https://app.edu", "https://app.edu:8443/", REFUSE),
                arguments("https://app.edu", "http://app.edu/", REFUSE),
                arguments("https://app.edu", "https://app.edu./", REFUSE),
                arguments("https://app.edu", "https://evil.app.edu/", REFUSE),
                arguments("https://app.edu", "https://app.edu/..%2f", REFUSE),
                arguments("https://app.edu", "https://app.edu/a/../b", REFUSE),
                arguments("https://app.edu", "https://app.edu/a/./b", REFUSE),
                arguments("https://app.edu", "https://app.edu/a/%2e%2e/b", REFUSE),
                arguments("https://app.edu", "https://app.edu/a/%2E./b", REFUSE),
                arguments("https://app.edu", "https://app.edu/a/%252e%252e/b", REFUSE),
                arguments("https://app.edu", "https://app.edu/a/..;x/b", REFUSE),
                arguments("https://app.edu", "https://app.edu//evil.com/", REFUSE),
                arguments("https://app.edu", "https://app.edu\\@evil.com/", REFUSE),
                arguments("https://app.edu", "https://app.edu/\\evil.com", REFUSE),
                arguments("https://app.edu", "https://app.edu/a%5c..%5cb", REFUSE),
                arguments("https://app.edu", "https://app.edu/cb#frag", REFUSE),
                arguments("https://app.edu", "https://app.edu/cb#", REFUSE),
                arguments("https://app.edu", "https://app.edu/cb\r\n X-Injected: 1", REFUSE),
                arguments("https://app.edu", "https://app.edu/cb\r\n", REFUSE),
                arguments("https://app.edu", "https://app.edu/cb\n", REFUSE),
                arguments("https://app.edu", "https://app.edu/cb\t", REFUSE),
                arguments("https://app.edu", "https://app.edu/c b", REFUSE),
                arguments("https://app.edu", "https://app.edu/cb\u2028", REFUSE),
                arguments("https://app.edu", "https://app.edu/cb\u0085", REFUSE),
                arguments("https://app.edu", "https://app.edu/cb%0d%0a", REFUSE),
                arguments("https://app.edu", "https://app.edu/cb?next=%0d%0a", ACCEPT),
                arguments("https://app.edu", "//app.edu/cb", REFUSE),
                arguments("https://app.edu", "/cb", REFUSE),
                arguments("https://app.edu", "javascript:alert(1)//app.edu", REFUSE),
                arguments("https://app.edu", "", REFUSE),
                arguments("https://app.edu", null, REFUSE),
                // registered with a path: a segment-boundary prefix
                arguments("https://app.edu/app", "https://app.edu/app", ACCEPT),
                arguments("https://app.edu/app", "https://app.edu/app/x", ACCEPT),
                arguments("https://app.edu/app", "https://app.edu/app?x=1", ACCEPT),
                arguments("https://app.edu/app", "https://app.edu/app/", ACCEPT),
                arguments("https://app.edu/app", "https://app.edu/apple", REFUSE),
                arguments("https://app.edu/app", "https://app.edu/app.evil", REFUSE),
                arguments("https://app.edu/app", "https://app.edu/app%2fx", REFUSE),
                arguments("https://app.edu/app", "https://app.edu/", REFUSE),
                arguments("https://app.edu/app", "https://app.edu/ap", REFUSE),
                arguments("https://app.edu/app", "https://app.edu/App/x", REFUSE),
                arguments("https://app.edu/app/", "https://app.edu/app/x", ACCEPT),
                arguments("https://app.edu/app/", "https://app.edu/app/", ACCEPT),
                arguments("https://app.edu/app/", "https://app.edu/app", REFUSE),
                arguments("https://app.edu/app/", "https://app.edu/appx", REFUSE),
                // percent-encoding normalised before comparing
                arguments("https://app.edu/%7Euser", "https://app.edu/~user/cb", ACCEPT),
                arguments("https://app.edu/a%2fb", "https://app.edu/a%2Fb/cb", ACCEPT),
                arguments("https://app.edu/app", "https://app.edu/%61pp/cb", ACCEPT),
                // registered with a query: same path, that query, optionally more parameters after '&'
                arguments("https://app.edu/cb?tenant=1", "https://app.edu/cb?tenant=1", ACCEPT),
                arguments("https://app.edu/cb?tenant=1", "https://app.edu/cb?tenant=1&x=2", ACCEPT),
                arguments("https://app.edu/cb?tenant=1", "https://app.edu/cb?tenant=10", REFUSE),
                arguments("https://app.edu/cb?tenant=1", "https://app.edu/cb", REFUSE),
                arguments("https://app.edu/cb?tenant=1", "https://app.edu/cb/x?tenant=1", REFUSE),
                // ports and IP literals
                arguments("http://127.0.0.1:8800/admin/index.php", "http://127.0.0.1:8800/admin/index.php",
                        ACCEPT),
                arguments("http://127.0.0.1:8800/admin/index.php", "http://127.0.0.1:8800/admin/index.php?a=b",
                        ACCEPT),
                arguments("http://127.0.0.1:8800/", "http://127.0.0.1:8801/", REFUSE),
                arguments("http://[::1]:8080/cb", "http://[::1]:8080/cb/x", ACCEPT),
                arguments("http://apphost:8080/app/callback", "http://apphost:8080/app/callback", ACCEPT),
                // a registration that is not a usable prefix matches nothing
                arguments("https://app.", "https://app.evil.com/", REFUSE),
                arguments("https://app.edu.", "https://app.edu.evil.com/", REFUSE),
                arguments("https://user@app.edu", "https://user@app.edu/", REFUSE),
                arguments("com.example.app:/cb", "com.example.app:/cb/x", REFUSE));
    }

    @ParameterizedTest(name = "prefix {0} vs {1}: {2}")
    @MethodSource("prefixCases")
    void prefixMeansSameOriginAndAPathBelow(String registered, String requested, boolean accepted) {
        assertEquals(accepted, RedirectUriMatch.PREFIX.matches(registered, requested));
    }

    static Stream<Arguments> regexCases() {
        String app = "^https://app\\.edu/.*$";
        return Stream.of(
                arguments(app, "https://app.edu/cb", ACCEPT),
                arguments(app, "https://app.edu/cb?x=1", ACCEPT),
                arguments(app, "https://app.edu.evil.com/cb", REFUSE),
                arguments(app, "xhttps://app.edu/cb", REFUSE),
                arguments(app, "https://app.edu/cb\r\n X-Injected: 1", REFUSE),
                arguments("^https://app\\.edu/(?s).*$", "https://app.edu/cb\r\n", REFUSE),
                arguments("^https://app\\.edu/[^#]*$", "https://app.edu/cb\r\n X-Injected: 1", REFUSE),
                arguments("^https://app\\.edu/[^#]*$", "https://app.edu/cb%0d%0a", REFUSE),
                arguments(app, "https://app.edu/a/../b", REFUSE),
                arguments(app, "https://app.edu/..%2f", REFUSE),
                arguments(app, "https://app.edu/cb#x", REFUSE),
                arguments("^https://app\\.edu[^/]*/.*$", "https://app.edu@evil.com/", REFUSE),
                arguments("^https://app\\.edu.*$", "https://app.edu\\evil.com/", REFUSE),
                arguments("^https?://(127\\.0\\.0\\.1:(8080|8700)|www\\.baidu\\.com)(/.*)?$", "http://www.baidu.com",
                        ACCEPT),
                arguments("^https?://(127\\.0\\.0\\.1:(8080|8700)|www\\.baidu\\.com)(/.*)?$",
                        "http://127.0.0.1:8700/", ACCEPT),
                arguments("^https?://(127\\.0\\.0\\.1:(8080|8700)|www\\.baidu\\.com)(/.*)?$",
                        "http://127.0.0.1:8701/", REFUSE),
                arguments("http://127\\.0\\.0\\.1:[0-9]{2,5}/callback", "http://127.0.0.1:43123/callback", ACCEPT),
                arguments("http://127\\.0\\.0\\.1:[0-9]{2,5}/callback", "http://127.0.0.1:43123/callbackx", REFUSE),
                arguments("^https://(a", "https://(a", REFUSE));
    }

    @ParameterizedTest(name = "regex {0} vs {1}: {2}")
    @MethodSource("regexCases")
    void patternsMatchTheWholeUriAndItMustBeClean(String registered, String requested, boolean accepted) {
        assertEquals(accepted, RedirectUriMatch.REGEX.matches(registered, requested));
    }

    @Test
    void exactIsStringEqualityWithoutControlCharacters() {
        assertTrue(RedirectUriMatch.EXACT.matches("https://app.edu/cb", "https://app.edu/cb"));
        assertTrue(RedirectUriMatch.EXACT.matches("com.example.app:/cb", "com.example.app:/cb"));
        assertFalse(RedirectUriMatch.EXACT.matches("https://app.edu/cb", "https://APP.edu/cb"));
        assertFalse(RedirectUriMatch.EXACT.matches("https://app.edu/cb", "https://app.edu/cb/"));
        assertFalse(RedirectUriMatch.EXACT.matches("https://app.edu/cb\r\n", "https://app.edu/cb\r\n"),
                "even a registration that slipped in with a line break never reaches a header");
        assertFalse(RedirectUriMatch.EXACT.matches("https://app.edu/cb", null));
    }

    static Stream<Arguments> registrations() {
        return Stream.of(
                arguments(RedirectUriMatch.PREFIX, "https://app.edu", null),
                arguments(RedirectUriMatch.PREFIX, "https://app.edu/", null),
                arguments(RedirectUriMatch.PREFIX, "http://apphost:8080/app/callback", null),
                arguments(RedirectUriMatch.PREFIX, "https://app.edu/cb?tenant=1", null),
                arguments(RedirectUriMatch.PREFIX, "https://app.", "incomplete host"),
                arguments(RedirectUriMatch.PREFIX, "https://app.edu.", "incomplete host"),
                arguments(RedirectUriMatch.PREFIX, "https://", "is not a valid URI"),
                arguments(RedirectUriMatch.PREFIX, "https:///cb", "no valid host"),
                arguments(RedirectUriMatch.PREFIX, "https://*.app.edu/", "no valid host"),
                arguments(RedirectUriMatch.PREFIX, "https://user@app.edu/", "user information"),
                arguments(RedirectUriMatch.PREFIX, "https://app.edu/cb#x", "fragment"),
                arguments(RedirectUriMatch.PREFIX, "https://app.edu/a/../b", "'..'"),
                arguments(RedirectUriMatch.PREFIX, "com.example.app:/cb", "http or https"),
                arguments(RedirectUriMatch.PREFIX, "/cb", "http or https"),
                arguments(RedirectUriMatch.PREFIX, "https://app.edu/cb\n", "control character"),
                arguments(RedirectUriMatch.REGEX, "^https://app\\.example/.*$", null),
                arguments(RedirectUriMatch.REGEX, "^http://a/.*$", null),
                arguments(RedirectUriMatch.REGEX, "https://app\\.edu", null),
                arguments(RedirectUriMatch.REGEX, "https://app\\.edu$", null),
                arguments(RedirectUriMatch.REGEX, "^https://app\\.edu\\?x=.*$", null),
                arguments(RedirectUriMatch.REGEX, "^https?://(127\\.0\\.0\\.1:(8080|8700)|www\\.baidu\\.com)(/.*)?$",
                        null),
                arguments(RedirectUriMatch.REGEX, "^https?://app\\.example\\.edu(:\\d+)?/.*$", null),
                arguments(RedirectUriMatch.REGEX, "http://127\\.0\\.0\\.1:[0-9]{2,5}/callback", null),
                arguments(RedirectUriMatch.REGEX, "^http://127\\.0\\.0\\.1:18081/callback.*$", null),
                arguments(RedirectUriMatch.REGEX, "^https://(?:a|b)\\.app\\.edu(?:/x|/y)$", null),
                arguments(RedirectUriMatch.REGEX, "^\\Qhttps://app.edu\\E/.*$", "http://, https://"),
                arguments(RedirectUriMatch.REGEX, "https://.*\\.edu/.*", "literal scheme://host"),
                arguments(RedirectUriMatch.REGEX, "^https://app.edu/.*$", "literal scheme://host"),
                arguments(RedirectUriMatch.REGEX, "^https://[a-z]+\\.edu/.*$", "literal scheme://host"),
                arguments(RedirectUriMatch.REGEX, "^https://ap+\\.edu/.*$", "literal scheme://host"),
                arguments(RedirectUriMatch.REGEX, "^https://app\\.edu?/.*$", "literal scheme://host"),
                arguments(RedirectUriMatch.REGEX, "^https://(app|evil\\..*)\\.edu/.*$", "literal scheme://host"),
                arguments(RedirectUriMatch.REGEX, "^https://(app\\.edu)?/.*$", "literal scheme://host"),
                arguments(RedirectUriMatch.REGEX, "^https://user@app\\.edu/.*$", "literal scheme://host"),
                arguments(RedirectUriMatch.REGEX, "^https://app\\.edu.*$", "literal scheme://host"),
                arguments(RedirectUriMatch.REGEX, "^https://app\\.edu(/.*)?.*$", "literal scheme://host"),
                arguments(RedirectUriMatch.REGEX, "^https://app\\.edu(/x|.*)$", "literal scheme://host"),
                arguments(RedirectUriMatch.REGEX, "^https://app\\.edu(?=/).*$", "literal scheme://host"),
                arguments(RedirectUriMatch.REGEX, "^https://app\\.edu:\\d+.*$", "literal scheme://host"),
                arguments(RedirectUriMatch.REGEX, "^https://app\\.edu/.*|.*$", "'|' outside a group"),
                arguments(RedirectUriMatch.REGEX, ".*", "http://, https://"),
                arguments(RedirectUriMatch.REGEX, "^[a-z]+://app\\.edu/.*$", "http://, https://"),
                arguments(RedirectUriMatch.REGEX, "^https://(unclosed", "not a valid regular expression"),
                arguments(RedirectUriMatch.EXACT, "com.example.app:/cb", null),
                arguments(RedirectUriMatch.EXACT, "http://callback", null),
                arguments(RedirectUriMatch.EXACT, "/cb", "is not an absolute URI"),
                arguments(RedirectUriMatch.EXACT, "https://app.edu/cb#x", "fragment"),
                arguments(RedirectUriMatch.EXACT, "https://app.edu/cb\r\n", "control character"));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("registrations")
    void registrationsThatCouldMatchAnotherHostAreRefused(RedirectUriMatch mode, String uri, String problem) {
        var found = mode.registrationProblem(uri);
        if (problem == null) {
            assertTrue(found.isEmpty(), () -> uri + ": " + found.get());
        } else {
            assertTrue(found.isPresent(), uri + " should be refused");
            assertTrue(found.get().contains(problem), found.get());
            assertFalse(found.get().contains("\n"), "a one-line problem");
        }
    }

    /** Whatever a pattern accepts at import must keep to its hosts, whatever is appended to them. */
    @Test
    void anAcceptedPatternCannotBeStretchedToAnotherHost() {
        String[] patterns = {"^https?://(127\\.0\\.0\\.1:(8080|8700)|www\\.baidu\\.com)(/.*)?$",
                "^https?://app\\.example\\.edu(:\\d+)?/.*$", "https://app\\.edu", "^https://app\\.edu(?:/x|/y)$"};
        String[] hostile = {".evil.com/", "@evil.com/", "evil.com/", ":1@evil.com/", "%2eevil.com/"};
        for (String pattern : patterns) {
            assertTrue(RedirectUriMatch.REGEX.registrationProblem(pattern).isEmpty(), pattern);
            for (String host : new String[]{"127.0.0.1:8080", "www.baidu.com", "app.example.edu", "app.edu"}) {
                for (String tail : hostile) {
                    for (String scheme : new String[]{"http://", "https://"}) {
                        assertFalse(RedirectUriMatch.REGEX.matches(pattern, scheme + host + tail),
                                pattern + " matched " + scheme + host + tail);
                    }
                }
            }
        }
    }
}
