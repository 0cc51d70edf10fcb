package edu.lanyard.directory.db;

import edu.lanyard.core.domain.AccessTokenFormat;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.domain.GrantType;
import edu.lanyard.core.domain.RedirectUriMatch;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Client records for tests. */
public final class TestClients {
    private TestClients() {
    }

    public static Client confidential(String clientId, String name) {
        return new Client(clientId, name, "sha256$c2FsdA$aGFzaA", List.of("https://app.example.edu/cb"),
                RedirectUriMatch.EXACT, Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN),
                List.of("openid", "profile"), 3600, 86400, 60, AccessTokenFormat.OPAQUE, true, false, "RS256",
                List.of(), "standard", Map.of());
    }
}
