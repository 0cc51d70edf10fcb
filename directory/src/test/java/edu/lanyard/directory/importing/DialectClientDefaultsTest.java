package edu.lanyard.directory.importing;

import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.domain.RedirectUriMatch;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/products.md decision 3 and the products' lifetimes (§0.6): a client that names its product gets the product's
 * behaviour.
 */
class DialectClientDefaultsTest {
    private static final LanyardConfig.Tokens SERVER = new LanyardConfig.Tokens(3600, 2_592_000, 60, 3600, 90);

    private static Client imported(String entry) {
        ImportFile file = ImportFile.parse("clients:\n  - client_id: app\n    client_secret: s3cret-0123456789\n"
                + entry.indent(4));
        new ImportValidator().validate(file);
        return ImportMapping.toClient(file.clients().get(0), "hash", SERVER);
    }

    @Test
    void eachProductSetsItsMatchingAndLifetimes() {
        Client cas = imported("dialect: cas\nredirect_uris: ['^https://app\\.example/.*$']");
        assertEquals(RedirectUriMatch.REGEX, cas.redirectUriMatch());
        assertEquals(30, cas.codeTtl());
        assertEquals(28_800, cas.accessTokenTtl());
        assertEquals(259_200, cas.refreshTokenTtl());
        assertFalse(cas.rotateRefreshTokens());
        assertTrue(cas.acceptsRedirectUri("https://app.example/any/path"));

        Client maxkey = imported("dialect: maxkey\nredirect_uris: [http://app.example/cb]");
        assertEquals(RedirectUriMatch.PREFIX, maxkey.redirectUriMatch());
        assertEquals(180, maxkey.codeTtl());
        assertTrue(maxkey.acceptsRedirectUri("http://app.example/cb/deeper"));

        Client php = imported("dialect: phpsso\nredirect_uris: [http://app.example/]");
        assertEquals(RedirectUriMatch.PREFIX, php.redirectUriMatch());
        assertEquals(3600, php.accessTokenTtl());
        assertTrue(php.rotateRefreshTokens());

        Client ketanyun = imported("dialect: ketanyun\nredirect_uris: [http://callback]");
        assertEquals(RedirectUriMatch.EXACT, ketanyun.redirectUriMatch());
        assertEquals(2_000_000, ketanyun.accessTokenTtl());

        Client standard = imported("redirect_uris: [http://app.example/cb]");
        assertEquals(RedirectUriMatch.EXACT, standard.redirectUriMatch());
        assertEquals(60, standard.codeTtl());
    }

    @Test
    void explicitValuesAndProductNamesWin() {
        Client exact = imported("dialect: cas\nredirect_uri_match: exact\ncode_ttl: 45\nredirect_uris: [http://a/cb]");
        assertEquals(RedirectUriMatch.EXACT, exact.redirectUriMatch());
        assertEquals(45, exact.codeTtl());
        Client alias = imported("redirect_uri_match: cas\nredirect_uris: ['^http://a/.*$']");
        assertEquals(RedirectUriMatch.REGEX, alias.redirectUriMatch());
        assertEquals(RedirectUriMatch.PREFIX, imported("redirect_uri_match: MaxKey\nredirect_uris: [http://a/]")
                .redirectUriMatch());
        assertThrows(InvalidImportException.class, () -> imported("redirect_uri_match: fuzzy\nredirect_uris: [x]"));
        assertThrows(InvalidImportException.class, () -> imported("dialect: cas\nredirect_uris: ['^http://(a']"),
                "a CAS client's redirect URIs are validated as regular expressions");
    }
}
