package edu.lanyard.dialects;

import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.core.domain.AccessTokenFormat;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.domain.GrantType;
import edu.lanyard.core.domain.RedirectUriMatch;
import edu.lanyard.dialects.cas.CasOptions;
import edu.lanyard.dialects.ketanyun.KetanyunOptions;
import edu.lanyard.dialects.maxkey.MaxKeyOptions;
import edu.lanyard.dialects.maxkey.MeKeys;
import edu.lanyard.dialects.phpsso.PhpSsoOptions;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each product's options parser: known options typed, unknown ones named with the known list, wrong types refused. */
class DialectOptionsTest {

    private static List<String> mountProblems(OptionsSchema<?> schema, Map<String, Object> options) {
        return assertThrows(InvalidDialectOptionsException.class,
                () -> schema.forMount("dialects.x.options", options)).problems();
    }

    @Test
    void ketanyunReadsItsOptions() {
        KetanyunOptions o = KetanyunOptions.SCHEMA.forMount("dialects.ketanyun.options",
                Map.of("allowGet", "true", "unauthenticatedIntrospection", false, "responseScope", 8,
                        "tenant", "campus", "introspectScope", false));
        assertEquals(new KetanyunOptions(ProfileOptions.DEFAULTS, true, false, Optional.of("8"),
                Optional.of("campus"), false), o);
        assertTrue(KetanyunOptions.SCHEMA.defaults().introspectScope(), "Ketanyun required the introspect scope");
        assertEquals(KetanyunOptions.SCHEMA.defaults(), KetanyunOptions.SCHEMA.forMount("w", Map.of()));
        assertEquals(List.of("dialects.x.options: unknown option \"allowGets\" (did you mean \"allowGet\"?); known: "
                        + "allowGet, attributeMapping, introspectScope, profileFields, responseScope, tenant, "
                        + "unauthenticatedIntrospection",
                "dialects.x.options: option \"tenant\" must be a single value, not a list [a, b]"),
                mountProblems(KetanyunOptions.SCHEMA, ordered("allowGets", true, "tenant", List.of("a", "b"))));
    }

    @Test
    void maxKeysPerClientEndpointSwitches() {
        MaxKeyOptions o = MaxKeyOptions.SCHEMA.forMount("w", Map.of("userinfoJwt", "true",
                "openIntrospection", true, "logoutUrl", "https://app.example.edu/sso/logout"));
        assertEquals(true, o.userinfoJwt());
        assertEquals(true, o.openIntrospection());
        assertEquals("https://app.example.edu/sso/logout", o.logoutUrl());
        assertEquals(List.of(), MaxKeyOptions.SCHEMA.clientProblems("c", Map.of("userinfoJwt", true,
                "openIntrospection", false, "logoutUrl", "http://10.0.0.1:8080/logout")));
        assertEquals(List.of("c: option \"logoutUrl\" must be an absolute http or https URL, not \"ftp://x/y\""),
                MaxKeyOptions.SCHEMA.clientProblems("c", Map.of("logoutUrl", "ftp://x/y")));
        assertEquals(1, MaxKeyOptions.SCHEMA.clientProblems("c", Map.of("logoutUrl", "/relative")).size());
        assertEquals(1, MaxKeyOptions.SCHEMA.clientProblems("c", Map.of("userinfoJwt", "yes")).size());
    }

    @Test
    void maxKeyReadsItsOptions() {
        MaxKeyOptions o = MaxKeyOptions.SCHEMA.forMount("w", Map.of("remindIn", true, "uuidTokenCheck", "FALSE",
                "emptyClientAuthFailure", true, "timeZone", "Asia/Shanghai", "profileFields", "uid, email"));
        assertEquals(new MaxKeyOptions(new ProfileOptions(Optional.of(List.of("uid", "email")), Map.of()), true, true,
                false, ZoneId.of("Asia/Shanghai"), false, false, null, MeKeys.SUPERSET), o);
        assertEquals(List.of("dialects.x.options: option \"uuidTokenCheck\" must be true or false, not \"yes\"",
                "dialects.x.options: option \"timeZone\" must be a time zone id such as Asia/Shanghai,"
                        + " not \"Mars/Olympus\""),
                mountProblems(MaxKeyOptions.SCHEMA, ordered("timeZone", "Mars/Olympus", "uuidTokenCheck", "yes")));
        assertEquals(List.of("dialects.x.options: unknown option \"remind_in\" (did you mean \"remindIn\"?); known: "
                        + "attributeMapping, emptyClientAuthFailure, logoutUrl, meKeys, openIntrospection, "
                        + "profileFields, remindIn, timeZone, userinfoJwt, uuidTokenCheck"),
                mountProblems(MaxKeyOptions.SCHEMA, Map.of("remind_in", true)));
    }

    @Test
    void casReadsItsOptions() {
        CasOptions o = CasOptions.SCHEMA.forMount("w", Map.of("errorFormat", "JSON", "profileView", "flat",
                "tokenResponseFormat", "text", "hostSuffix", "node1", "followServiceRedirects", false,
                "idAttribute", "id", "credentialType", "SinosoftCredential", "profileServiceKeys", true,
                "tokenKeyOrder", "cas5", "attributeMapping", Map.of("department", "dept")));
        assertEquals(new CasOptions(new ProfileOptions(Optional.empty(), Map.of("department", "dept")),
                Optional.of("node1"), CasOptions.TokenResponseFormat.TEXT, CasOptions.ErrorFormat.JSON, "id",
                CasOptions.ProfileView.FLAT, true, Optional.of("SinosoftCredential"), false,
                CasOptions.TokenKeyOrder.CAS5, 7200), o);
        assertEquals(List.of("dialects.x.options: unknown option \"jsonErrors\"; known: accessTokenIdleSeconds, attributeMapping, "
                        + "credentialType, errorFormat, followServiceRedirects, hostSuffix, idAttribute, "
                        + "profileFields, profileServiceKeys, profileView, proxyCallbackTrustCert, "
                        + "serviceTicketSeconds, tokenKeyOrder, tokenResponseFormat",
                "dialects.x.options: option \"attributeMapping\" must be a map such as {field: attribute}, not "
                        + "\"dept\"",
                "dialects.x.options: option \"errorFormat\" must be one of text, json, not \"xml\""),
                mountProblems(CasOptions.SCHEMA, ordered("jsonErrors", true, "errorFormat", "xml",
                        "attributeMapping", "dept")));
    }

    @Test
    void phpSsoReadsItsOptions() {
        PhpSsoOptions o = PhpSsoOptions.SCHEMA.forMount("w", Map.of("implicitDelivery", "Fragment",
                "debugErrors", true, "rejectBasicWithClientId", "true", "expiresInAsString", false,
                "tokenTypeAccess", true, "clientIdIgnoresCase", false));
        assertEquals(new PhpSsoOptions(ProfileOptions.DEFAULTS, true, false, true, true,
                PhpSsoOptions.ImplicitDelivery.FRAGMENT, false), o);
        assertEquals("fragment", o.implicitDelivery().responseMode());
        assertEquals(List.of("dialects.x.options: unknown option \"implicitdelivery\" (did you mean "
                        + "\"implicitDelivery\"?); known: attributeMapping, clientIdIgnoresCase, debugErrors, "
                        + "expiresInAsString, "
                        + "implicitDelivery, profileFields, rejectBasicWithClientId, tokenTypeAccess",
                "dialects.x.options: option \"debugErrors\" must be true or false, not 1"),
                mountProblems(PhpSsoOptions.SCHEMA, ordered("implicitdelivery", "query", "debugErrors", 1)));
    }

    @Test
    void aClientMaySetOnlyPerClientOptionsAndTheyWinOverTheMount() {
        assertEquals(List.of("clients[3].options: unknown option \"errorFormat\"; known: accessTokenIdleSeconds, attributeMapping, "
                        + "credentialType, idAttribute, profileFields, profileServiceKeys, profileView, "
                        + "tokenKeyOrder, tokenResponseFormat"),
                CasOptions.SCHEMA.clientProblems("clients[3].options", Map.of("errorFormat", "json")));
        CasOptions mount = CasOptions.SCHEMA.forMount("w", Map.of("errorFormat", "json", "profileView", "flat"));
        CasOptions own = CasOptions.SCHEMA.forClient(mount, client(Map.of("profileView", "nested",
                "errorFormat", "text", "idAttribute", List.of("not", "a", "scalar"))));
        assertEquals(CasOptions.ProfileView.NESTED, own.profileView(), "the client's own option wins");
        assertEquals(CasOptions.ErrorFormat.JSON, own.errorFormat(), "a mount option is not the client's to set");
        assertEquals("username", own.idAttribute(), "a bad value stored before import checks is ignored");
        assertSame(mount, CasOptions.SCHEMA.forClient(mount, client(Map.of())));
        assertSame(mount, CasOptions.SCHEMA.forClient(mount, null));
    }

    @Test
    void aNodeDoesNotStartWithABadMountOptionAndNamesEveryOne() {
        Map<String, LanyardConfig.DialectMount> mounts = Map.of(
                "cas", new LanyardConfig.DialectMount(true, "/cas", Map.of("errorFormats", "json")),
                "maxkeyLegacy", new LanyardConfig.DialectMount(true, "/maxkey", Map.of("uuidTokenCheck", "no")),
                "phpsso", new LanyardConfig.DialectMount(false, "", Map.of("anything", 1)),
                "ketanyun", new LanyardConfig.DialectMount(true, "/sso", Map.of("allowGet", false)));
        InvalidDialectOptionsException e = assertThrows(InvalidDialectOptionsException.class,
                () -> ProductDialects.enabled(mounts));
        assertEquals(List.of("dialects.cas.options: unknown option \"errorFormats\" (did you mean \"errorFormat\"?);"
                        + " known: accessTokenIdleSeconds, attributeMapping, credentialType, errorFormat, followServiceRedirects, hostSuffix,"
                        + " idAttribute, profileFields, profileServiceKeys, profileView, proxyCallbackTrustCert,"
                        + " serviceTicketSeconds, tokenKeyOrder, tokenResponseFormat",
                "dialects.maxkeyLegacy.options: option \"uuidTokenCheck\" must be true or false, not \"no\""),
                e.problems());
        assertEquals(e.getMessage(), String.join("\n", e.problems()));
    }

    @Test
    void theShippedMountOptionsAreValid() {
        Map<String, LanyardConfig.DialectMount> mounts = Map.of(
                "ketanyun", mount(Map.of("unauthenticatedIntrospection", true, "allowGet", false)),
                "maxkey", mount(Map.of("uuidTokenCheck", true, "emptyClientAuthFailure", false)),
                "cas", mount(Map.of("errorFormat", "text", "profileView", "nested", "followServiceRedirects", true)),
                "phpsso", mount(Map.of("implicitDelivery", "query", "debugErrors", false,
                        "rejectBasicWithClientId", false)));
        assertEquals(4, ProductDialects.enabled(mounts).size());
    }

    private static LanyardConfig.DialectMount mount(Map<String, Object> options) {
        return new LanyardConfig.DialectMount(true, "/p", options);
    }

    /** Problems come in the order options were written; Map.of has none. */
    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static Client client(Map<String, Object> options) {
        return new Client("app", "app", "hash", List.of("https://app.example/"), RedirectUriMatch.EXACT,
                Set.of(GrantType.AUTHORIZATION_CODE), List.of(), 60, 60, 60, AccessTokenFormat.OPAQUE, false, false,
                "RS256", List.of(), "cas", options);
    }
}
