package edu.lanyard.core.config;

import java.net.URI;
import java.util.Locale;

/**
 * Refuses an enabled {@code ldap:} section that cannot work, with one line naming the key, so a typo stops the start
 * instead of turning every campus sign-in into "wrong password". Never prints the bind password.
 */
final class LdapSettingsCheck {
    private LdapSettingsCheck() {
    }

    static void check(LanyardConfig.Ldap ldap) {
        if (ldap.urls().isEmpty()) {
            throw refused("ldap.urls", "needs at least one ldap:// or ldaps:// URL");
        }
        for (String url : ldap.urls()) {
            checkUrl(url);
        }
        if (ldap.searchThenBind() == !ldap.userDnTemplate().isEmpty()) {
            throw refused("ldap.bindDn", "set either ldap.bindDn (search, then bind as the entry found) or"
                    + " ldap.userDnTemplate (bind directly), not both and not neither");
        }
        if (ldap.searchThenBind() && ldap.bindPassword().isEmpty()) {
            throw refused("ldap.bindPassword", "is required with ldap.bindDn");
        }
        if (!ldap.userDnTemplate().isEmpty() && !ldap.userDnTemplate().contains("{login}")) {
            throw refused("ldap.userDnTemplate", "must contain {login}");
        }
        if (ldap.searchThenBind() && ldap.baseDn().isEmpty()) {
            throw refused("ldap.baseDn", "is required with ldap.bindDn");
        }
        if (ldap.searchThenBind() && ldap.loginAttributes().isEmpty()) {
            throw refused("ldap.loginAttributes", "needs at least one attribute (e.g. uid, mail)");
        }
        for (String attribute : ldap.loginAttributes()) {
            if (!attribute.matches("[A-Za-z][A-Za-z0-9-]*")) {
                throw refused("ldap.loginAttributes", "'" + attribute + "' is not an attribute name");
            }
        }
        String filter = ldap.userFilter();
        if (!filter.isEmpty() && !(filter.startsWith("(") && filter.endsWith(")"))) {
            throw refused("ldap.userFilter", "must be an LDAP filter in parentheses, e.g. (objectClass=person)");
        }
        if (ldap.connectTimeoutMs() < 1) {
            throw refused("ldap.connectTimeoutMs", "must be 1 or more");
        }
        if (ldap.responseTimeoutMs() < 1) {
            throw refused("ldap.responseTimeoutMs", "must be 1 or more");
        }
        if (ldap.poolSize() < 1) {
            throw refused("ldap.poolSize", "must be 1 or more");
        }
        if (ldap.profileCacheSeconds() < 0) {
            throw refused("ldap.profileCacheSeconds", "must be 0 (off) or more");
        }
        if (!ldap.trustStore().isEmpty() && !ldap.caFile().isEmpty()) {
            throw refused("ldap.caFile", "set ldap.trustStore or ldap.caFile, not both");
        }
        if (ldap.groups().nestedDepth() < 0 || ldap.groups().nestedDepth() > 10) {
            throw refused("ldap.groups.nestedDepth", "must be between 0 and 10");
        }
        if (!ldap.groups().searchFilter().contains("{dn}")) {
            throw refused("ldap.groups.searchFilter", "must contain {dn}");
        }
        for (var mapping : ldap.attributes().entrySet()) {
            if (mapping.getValue() == null || mapping.getValue().isBlank()) {
                throw refused("ldap.attributes." + mapping.getKey(), "names no Lanyard field");
            }
        }
    }

    private static void checkUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw refused("ldap.urls", "'" + url + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ldap") && !scheme.equals("ldaps")) {
            throw refused("ldap.urls", "'" + url + "' must start with ldap:// or ldaps://");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw refused("ldap.urls", "'" + url + "' names no host");
        }
    }

    private static IllegalArgumentException refused(String key, String why) {
        return new IllegalArgumentException("invalid configuration " + key + ": " + why);
    }
}
