package edu.lanyard.core.client;

import edu.lanyard.core.domain.AccessTokenFormat;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.domain.GrantType;
import edu.lanyard.core.domain.RedirectUriMatch;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BrowserOriginsTest {

    @Test
    void theOriginIsSchemeHostAndANonDefaultPortAsABrowserSendsIt() {
        assertEquals(Optional.of("https://app.example.edu"), BrowserOrigins.originOf("https://App.Example.EDU/cb?x=1"));
        assertEquals(Optional.of("https://app.example.edu"), BrowserOrigins.originOf("https://app.example.edu:443/cb"));
        assertEquals(Optional.of("http://app.example.edu"), BrowserOrigins.originOf("http://app.example.edu:80/"));
        assertEquals(Optional.of("http://127.0.0.1:9999"), BrowserOrigins.originOf("http://127.0.0.1:9999/cb"));
        assertEquals(Optional.of("https://app.example.edu:8443"),
                BrowserOrigins.originOf("HTTPS://app.example.edu:8443/a#frag"));
        assertEquals(Optional.of("http://[::1]:3000"), BrowserOrigins.originOf("http://[::1]:3000/cb"));
    }

    @Test
    void uriWithoutAWebOriginGiveNone() {
        for (String uri : new String[]{"com.example.app:/cb", "myapp://callback", "javascript:alert(1)",
                "data:text/html,x", "/relative/cb", "https:///nohost", "https://(a|b)\\.example\\.edu/.*",
                "https://.*", "not a uri", "", "file:///etc/passwd"}) {
            assertEquals(Optional.empty(), BrowserOrigins.originOf(uri), uri);
        }
        assertEquals(Optional.empty(), BrowserOrigins.originOf(null));
    }

    @Test
    void everyClientsRedirectUrisCount() {
        Set<String> origins = BrowserOrigins.of(List.of(
                client("spa", List.of("https://spa.example.edu/cb", "http://localhost:5173/cb")),
                client("native", List.of("com.example.app:/cb")),
                client("portal", List.of("https://portal.example.edu/sso", "https://spa.example.edu/other"))));
        assertEquals(Set.of("https://spa.example.edu", "http://localhost:5173", "https://portal.example.edu"),
                origins);
    }

    private static Client client(String id, List<String> redirectUris) {
        return new Client(id, id, null, redirectUris, RedirectUriMatch.EXACT, Set.of(GrantType.AUTHORIZATION_CODE),
                List.of("openid"), 3600, 86400, 60, AccessTokenFormat.OPAQUE, true, false, "RS256", List.of(),
                "standard", Map.of());
    }
}
