package edu.lanyard.common.dialect;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DialectBadRequestsTest {
    private final DialectBadRequests answers = new DialectBadRequests(List.of(
            ProductDialects.create("ketanyun", "/sso", Map.of()),
            ProductDialects.create("maxkey", "/sign", Map.of()),
            ProductDialects.create("authz", "/api/sso", Map.of()),
            ProductDialects.create("cas", "/cas", Map.of()),
            ProductDialects.create("phpsso", "", Map.of())));

    private Optional<String> owner(String path) {
        return answers.owner(path).map(Dialect::name);
    }

    @Test
    void aPrefixIdentifiesItsDialectWhateverFollows() {
        assertEquals(Optional.of("cas"), owner("/cas/oauth2.0/accessToken%zz"));
        assertEquals(Optional.of("cas"), owner("/cas"));
        assertEquals(Optional.of("maxkey"), owner("/sign/%zz"));
        assertEquals(Optional.of("authz"), owner("/api/sso/authz/oauth/v20/me"));
        assertEquals(Optional.of("ketanyun"), owner("/sso/oauth2/token"));
    }

    @Test
    void aPrefixMustEndAtASegment() {
        assertEquals(Optional.empty(), owner("/cassandra/x"));
        assertEquals(Optional.empty(), owner("/signup"));
    }

    @Test
    void theRootMountClaimsOnlyTheFirstSegmentsOfItsOwnEndpoints() {
        assertEquals(Optional.of("phpsso"), owner("/token.php"));
        assertEquals(Optional.of("phpsso"), owner("/resource.php/%zz"));
        assertEquals(Optional.empty(), owner("/token.php%zz"));
        assertEquals(Optional.empty(), owner("/oauth2/token"));
        assertEquals(Optional.empty(), owner("/%zz"));
    }
}
