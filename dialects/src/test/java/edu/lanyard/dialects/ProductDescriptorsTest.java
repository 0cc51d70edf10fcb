package edu.lanyard.dialects;

import edu.lanyard.core.token.TokenKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The import defaults of each product (docs/migrating.md's table) come from its descriptor. */
class ProductDescriptorsTest {

    @Test
    void eachProductsImportDefaults() {
        assertEquals(Map.of(
                        "ketanyun", new ClientProfile("exact", 2_000_000L, 2_592_000L, 300L, false),
                        "authz", new ClientProfile("prefix", 43_200L, 2_592_000L, 180L, false),
                        "maxkey", new ClientProfile("prefix", 43_200L, 2_592_000L, 180L, false),
                        "cas", new ClientProfile("regex", 28_800L, 259_200L, 30L, false),
                        "phpsso", new ClientProfile("prefix", 3_600L, 1_209_600L, 30L, true)),
                Map.of("ketanyun", defaults("ketanyun"), "authz", defaults("authz"), "maxkey", defaults("maxkey"),
                        "cas", defaults("cas"), "phpsso", defaults("phpsso")));
        assertEquals(Optional.empty(), ProductDialects.clientDefaults("standard"));
        assertEquals(Optional.empty(), ProductDialects.clientDefaults(null));
        assertEquals(List.of("ketanyun", "authz", "maxkey", "cas", "phpsso"), ProductDialects.NAMES);
    }

    @Test
    void aMountAnswersItsProductsNameAndPaths() {
        ProductDialect authz = ProductDialects.create("authz", "/api/sso/", Map.of());
        assertEquals("authz", authz.name());
        assertEquals("/api/sso", authz.prefix());
        assertEquals(List.of(DialectEndpoint.getOrPost("/authz/oauth/v20/me"),
                DialectEndpoint.getOrPost("/api/oauth/v20/me")), authz.profileEndpoints());
        String ticket = ProductDialects.create("cas", "/cas", Map.of("hostSuffix", "n1")).tokenFormat()
                .mint(TokenKind.ACCESS_TOKEN);
        assertTrue(ticket.startsWith("AT-") && ticket.endsWith("-n1"), "the mount's host suffix: " + ticket);
    }

    private static ClientProfile defaults(String dialect) {
        return ProductDialects.clientDefaults(dialect).orElseThrow();
    }
}
