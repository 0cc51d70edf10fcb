package edu.lanyard.directory.importing;

import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.core.domain.AccessTokenFormat;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.domain.GrantType;
import edu.lanyard.core.domain.RedirectUriMatch;
import edu.lanyard.core.domain.User;
import edu.lanyard.directory.importing.ImportFile.ClientEntry;
import edu.lanyard.directory.importing.ImportFile.UserEntry;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Turns validated entries into domain records, filling in defaults. */
final class ImportMapping {
    private ImportMapping() {
    }

    static Client toClient(ClientEntry e, String secretHash, LanyardConfig.Tokens defaults) {
        String dialect = ClientDefaults.dialect(e.dialect());
        var product = ClientDefaults.product(dialect);
        Long productAccess = product.map(p -> p.accessTokenTtl()).orElse(null);
        Long productRefresh = product.map(p -> p.refreshTokenTtl()).orElse(null);
        Long productCode = product.map(p -> p.codeTtl()).orElse(null);
        return new Client(
                e.clientId(),
                e.name() == null ? e.clientId() : e.name(),
                secretHash,
                e.redirectUris(),
                RedirectUriMatch.fromConfig(ClientDefaults.redirectUriMatch(e.redirectUriMatch(), dialect)),
                grantTypes(e.grantTypes()),
                e.scopes(),
                firstOf(e.accessTokenTtl(), productAccess, defaults.accessTokenTtl()),
                firstOf(e.refreshTokenTtl(), productRefresh, defaults.refreshTokenTtl()),
                firstOf(e.codeTtl(), productCode, defaults.codeTtl()),
                e.accessTokenFormat() == null
                        ? AccessTokenFormat.OPAQUE
                        : AccessTokenFormat.valueOf(e.accessTokenFormat().toUpperCase(Locale.ROOT)),
                ClientDefaults.rotateRefreshTokens(e.rotateRefreshTokens(), dialect, secretHash == null),
                Boolean.TRUE.equals(e.requireConsent()),
                e.idTokenSignedResponseAlg() == null
                        ? ClientDefaults.DEFAULT_ID_TOKEN_ALG
                        : e.idTokenSignedResponseAlg(),
                e.postLogoutRedirectUris(),
                dialect,
                e.options(),
                Boolean.TRUE.equals(e.resourceServer()),
                Boolean.TRUE.equals(e.disabled()));
    }

    private static long firstOf(Long own, Long product, long server) {
        return own != null ? own : product != null ? product : server;
    }

    static User toUser(UserEntry e, String subject, String passwordHash) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        e.attributes().forEach((name, value) ->
                attributes.put(name, value instanceof List<?> list ? List.copyOf(list) : value));
        return new User(subject, e.username(), passwordHash, e.name(), e.email(), e.phone(), attributes,
                e.standardClaims(), false, User.Origin.LOCAL, null);
    }

    private static Set<GrantType> grantTypes(List<String> wireNames) {
        if (wireNames == null) {
            return EnumSet.of(GrantType.AUTHORIZATION_CODE);
        }
        Set<GrantType> grants = EnumSet.noneOf(GrantType.class);
        wireNames.forEach(name -> grants.add(GrantType.fromWire(name).orElseThrow()));
        return grants;
    }
}
