package edu.lanyard.launcher.token;

import edu.lanyard.devkit.FreePorts;
import edu.lanyard.devkit.ThrowawayOpenLdap;
import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A whole node against a real OpenLDAP server (Debian's slapd, started by this test with the memberOf overlay), as
 * a campus runs it: search-then-bind with a service account, sign-in by uid, mail or employeeNumber, a salted
 * {SSHA} password as OpenLDAP stores them, groups from memberOf becoming roles, the lockout, and a directory that
 * dies while tokens it already signed in keep working (the directory is never on the token path).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenLdapServerSignInTest {
    private static final ClientCredentials CAMPUS = new ClientCredentials("campus", "campus-secret-0123456789abcdef");
    private static final String BASE = "dc=campus,dc=edu";
    private static ThrowawayOpenLdap directory;
    private static LanyardTestServer server;
    private static OAuthEndpoints oauth;

    @BeforeAll
    static void start() throws Exception {
        String missing = ThrowawayOpenLdap.unavailable().orElse(null);
        if (missing != null) {
            System.out.println("OpenLdapServerSignInTest skipped: " + missing);
        }
        Assumptions.assumeTrue(missing == null, missing);
        directory = ThrowawayOpenLdap.start(FreePorts.pick(), BASE, "root-secret-0123");
        directory.add(String.join("\n",
                "dn: " + BASE, "objectClass: dcObject", "objectClass: organization", "o: Campus", "dc: campus", "",
                "dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people", "",
                "dn: ou=groups," + BASE, "objectClass: organizationalUnit", "ou: groups", "",
                "dn: uid=wei,ou=people," + BASE, "objectClass: inetOrgPerson", "uid: wei", "cn: Wei Zhang",
                "givenName: Wei", "sn: Zhang", "mail: wei.zhang@campus.edu", "employeeNumber: 2026001",
                "departmentNumber: Chemistry", "title: Undergraduate",
                "userPassword: " + ssha("wei-pass-2026"), "",
                "dn: uid=ana,ou=people," + BASE, "objectClass: inetOrgPerson", "uid: ana", "cn: Ana Lima",
                "sn: Lima", "mail: ana@campus.edu", "employeeNumber: 2026002", "userPassword: ana-pass-2026", "",
                "dn: cn=students,ou=groups," + BASE, "objectClass: groupOfNames", "cn: students",
                "member: uid=wei,ou=people," + BASE, "member: uid=ana,ou=people," + BASE, "",
                "dn: cn=chemistry,ou=groups," + BASE, "objectClass: groupOfNames", "cn: chemistry",
                "member: uid=wei,ou=people," + BASE, ""));
        server = LanyardTestServer.builder().importing("/directory-clients.yaml").env(Map.of(
                "LANYARD_LDAP_ENABLED", "true",
                "LANYARD_LDAP_URLS", directory.url(),
                "LANYARD_LDAP_BIND_DN", directory.rootDn(),
                "LANYARD_LDAP_BIND_PASSWORD", directory.rootPassword(),
                "LANYARD_LDAP_BASE_DN", "ou=people," + BASE,
                "LANYARD_LDAP_LOGIN_ATTRIBUTES", "uid,mail,employeeNumber",
                "LANYARD_LDAP_USER_FILTER", "(objectClass=inetOrgPerson)",
                "LANYARD_LDAP_RESPONSE_TIMEOUT_MS", "3000",
                "LANYARD_LDAP_CONNECT_TIMEOUT_MS", "1000",
                "LANYARD_LDAP_GROUPS_MEMBER_OF_ATTRIBUTE", "memberOf")).start();
        oauth = new OAuthEndpoints(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (directory != null) {
            directory.close();
        }
    }

    /** How OpenLDAP stores a password set with slappasswd: {SSHA} base64(sha1(password + salt) + salt). */
    private static String ssha(String password) throws Exception {
        byte[] salt = new byte[8];
        new SecureRandom().nextBytes(salt);
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update(password.getBytes(StandardCharsets.UTF_8));
        sha1.update(salt);
        byte[] digest = sha1.digest();
        byte[] both = new byte[digest.length + salt.length];
        System.arraycopy(digest, 0, both, 0, digest.length);
        System.arraycopy(salt, 0, both, digest.length, salt.length);
        return "{SSHA}" + Base64.getEncoder().encodeToString(both);
    }

    private static JsonObject userinfo(String accessToken) {
        Http.Reply reply = Http.get(server.baseUrl() + "/oauth2/userinfo", "Bearer " + accessToken);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    @Test
    @Order(1)
    void eachLoginAttributeSignsInTheSamePersonWithTheirProfileAndGroups() {
        JsonObject byUid = userinfo(oauth.passwordGrant(CAMPUS, "wei", "wei-pass-2026", "openid profile email roles")
                .getString("access_token"));
        assertEquals("Wei", byUid.getString("given_name"));
        assertEquals("Zhang", byUid.getString("family_name"));
        assertEquals("wei.zhang@campus.edu", byUid.getString("email"));
        JsonArray roles = byUid.getJsonArray("roles");
        assertTrue(roles.contains("students") && roles.contains("chemistry"), "groups from memberOf: " + roles);
        for (String login : new String[] {"wei.zhang@campus.edu", "2026001"}) {
            JsonObject same = userinfo(oauth.passwordGrant(CAMPUS, login, "wei-pass-2026", "openid")
                    .getString("access_token"));
            assertEquals(byUid.getString("sub"), same.getString("sub"), "signed in as " + login);
        }
    }

    @Test
    @Order(2)
    void aMaxKeyAppReadsTheDirectoryProfileThroughItsOwnDialect() {
        ClientCredentials maxkey = new ClientCredentials("campus-maxkey", "campus-maxkey-secret-0123456789");
        Http.Reply token = oauth.post("/sign/authz/oauth/v20/token", null, "grant_type", "password",
                "client_id", maxkey.id(), "client_secret", maxkey.secret(), "username", "2026001",
                "password", "wei-pass-2026", "scope", "read");
        assertEquals(200, token.status(), token.body());
        assertTrue(token.json().containsKey("access_token"), token.body());
        Http.Reply me = Http.get(server.baseUrl() + "/sign/api/oauth/v20/me?access_token="
                + token.json().getString("access_token"), null);
        assertEquals(200, me.status(), me.body());
        JsonObject profile = me.json();
        assertEquals("wei", profile.getString("username"), me.body());
        assertEquals("Wei Zhang", profile.getString("displayName"));
        assertEquals("wei.zhang@campus.edu", profile.getString("email"));
        assertEquals("2026001", profile.getString("employeeNumber"));
        assertEquals("Chemistry", profile.getString("department"));
        assertEquals("Undergraduate", profile.getString("title"));
    }

    @Test
    @Order(3)
    void wrongPasswordsAreInvalidGrantAndFiveLockTheAccountAcrossItsLoginNames() {
        for (int i = 0; i < 5; i++) {
            Http.Reply wrong = oauth.token(CAMPUS, "grant_type", "password", "username",
                    i % 2 == 0 ? "ana" : "ana@campus.edu", "password", "not-her-password-" + i, "scope", "openid");
            assertEquals(400, wrong.status(), wrong.body());
            assertEquals("invalid_grant", wrong.json().getString("error"));
        }
        Http.Reply locked = oauth.token(CAMPUS, "grant_type", "password", "username", "2026002",
                "password", "ana-pass-2026", "scope", "openid");
        assertEquals("invalid_grant", locked.json().getString("error"));
        assertTrue(locked.json().getString("error_description").contains("too many failed"), locked.body());
    }

    /** Last: the directory stays down. */
    @Test
    @Order(4)
    void whenTheDirectoryDiesSignInIs503AndTokensAlreadyIssuedKeepWorking() {
        String accessToken = oauth.passwordGrant(CAMPUS, "wei", "wei-pass-2026", "openid profile")
                .getString("access_token");
        directory.kill();
        Http.Reply signIn = oauth.token(CAMPUS, "grant_type", "password", "username", "wei",
                "password", "wei-pass-2026", "scope", "openid");
        assertEquals(503, signIn.status(), signIn.body());
        assertEquals("temporarily_unavailable", signIn.json().getString("error"));
        assertFalse(signIn.body().contains("wei-pass-2026"));
        assertEquals("Zhang", userinfo(accessToken).getString("family_name"),
                "userinfo reads the local copy, not the directory");
    }
}
