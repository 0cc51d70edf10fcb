package edu.lanyard.dialects.ketanyun;

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

/** docs/dialects.md A.3: Ketanyun asked an introspecting client for the introspect scope; a switch turns it off. */
class KetanyunIntrospectScopeTest {
    private static KetanyunDialect mount(Map<String, Object> options) {
        return new KetanyunDialect("/sso", KetanyunOptions.SCHEMA.forMount("dialects.ketanyun.options", options));
    }

    @Test
    void byDefaultAKetanyunClientNeedsTheIntrospectScope() {
        assertEquals(Optional.of("introspect"), mount(Map.of()).introspectionScope(client("ketanyun", Map.of())));
    }

    @Test
    void theMountOrTheClientMaySwitchItOff() {
        assertEquals(Optional.empty(), mount(Map.of("introspectScope", false))
                .introspectionScope(client("ketanyun", Map.of())));
        assertEquals(Optional.empty(), mount(Map.of())
                .introspectionScope(client("ketanyun", Map.of("introspectScope", false))));
        assertEquals(Optional.of("introspect"), mount(Map.of("introspectScope", false))
                .introspectionScope(client("ketanyun", Map.of("introspectScope", true))));
    }

    @Test
    void aResourceServerOfAnotherDialectIsNotAsked() {
        assertEquals(Optional.empty(), mount(Map.of()).introspectionScope(client("standard", Map.of())));
    }

    private static Client client(String dialect, Map<String, Object> options) {
        return new Client("app", "app", "hash", List.of(), RedirectUriMatch.EXACT,
                Set.of(GrantType.CLIENT_CREDENTIALS), List.of("profile"), 60, 60, 60, AccessTokenFormat.OPAQUE, false,
                false, "RS256", List.of(), dialect, options);
    }
}
