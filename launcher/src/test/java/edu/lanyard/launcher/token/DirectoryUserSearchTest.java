package edu.lanyard.launcher.token;

import edu.lanyard.devkit.FreePorts;
import edu.lanyard.devkit.ThrowawayOpenLdap;
import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import edu.lanyard.projection.admin.AdminCredentials;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator API's user search against a real OpenLDAP server (ldap.enabled): directory people who never signed in
 * are found and marked as having no local copy, their profile is read from the directory, typed filter syntax is a
 * value and never a filter, the limit holds, and a person with a local copy is one row.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DirectoryUserSearchTest {
    private static final String ADMIN_TOKEN = "directory-search-admin-token-0123456789abcd";
    private static final ClientCredentials CAMPUS = new ClientCredentials("campus", "campus-secret-0123456789abcdef");
    private static final String BASE = "dc=campus,dc=edu";
    private static ThrowawayOpenLdap directory;
    private static LanyardTestServer server;

    @BeforeAll
    static void start() throws Exception {
        String missing = ThrowawayOpenLdap.unavailable().orElse(null);
        Assumptions.assumeTrue(missing == null, missing);
        directory = ThrowawayOpenLdap.start(FreePorts.pick(), BASE, "root-secret-0123");
        directory.add(String.join("\n",
                "dn: " + BASE, "objectClass: dcObject", "objectClass: organization", "o: Campus", "dc: campus", "",
                "dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people", "",
                "dn: ou=groups," + BASE, "objectClass: organizationalUnit", "ou: groups", "",
                "dn: uid=mingzhu,ou=people," + BASE, "objectClass: inetOrgPerson", "uid: mingzhu",
                "cn: Mingzhu Chen", "sn: Chen", "mail: mingzhu.chen@campus.edu", "employeeNumber: 2026101",
                "telephoneNumber: +86 10 5555 0101", "userPassword: mingzhu-pass-2026", "",
                "dn: uid=minghao,ou=people," + BASE, "objectClass: inetOrgPerson", "uid: minghao",
                "cn: Minghao Li", "sn: Li", "mail: minghao.li@campus.edu", "employeeNumber: 2026102",
                "userPassword: minghao-pass-2026", "",
                "dn: uid=rosa,ou=people," + BASE, "objectClass: inetOrgPerson", "uid: rosa", "cn: Rosa Diaz",
                "sn: Diaz", "mail: rosa@campus.edu", "employeeNumber: 2026103", "userPassword: rosa-pass-2026", "",
                "dn: cn=librarians,ou=groups," + BASE, "objectClass: groupOfNames", "cn: librarians",
                "member: uid=mingzhu,ou=people," + BASE, ""));
        server = LanyardTestServer.builder().importing("/directory-clients.yaml").env(Map.of(
                "LANYARD_ADMIN_TOKEN_HASH", AdminCredentials.sha256Hex(ADMIN_TOKEN),
                "LANYARD_LDAP_ENABLED", "true",
                "LANYARD_LDAP_URLS", directory.url(),
                "LANYARD_LDAP_BIND_DN", directory.rootDn(),
                "LANYARD_LDAP_BIND_PASSWORD", directory.rootPassword(),
                "LANYARD_LDAP_BASE_DN", "ou=people," + BASE,
                "LANYARD_LDAP_LOGIN_ATTRIBUTES", "uid,mail,employeeNumber",
                "LANYARD_LDAP_USER_FILTER", "(objectClass=inetOrgPerson)",
                "LANYARD_LDAP_GROUPS_MEMBER_OF_ATTRIBUTE", "memberOf")).start();
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

    @Test
    @Order(1)
    void directoryPeopleWithoutALocalCopyAreFoundAndShownFromTheDirectory() {
        JsonArray rows = search("ming", 50);
        assertEquals(List.of("minghao", "mingzhu"), usernames(rows), rows.encode());
        for (int i = 0; i < rows.size(); i++) {
            JsonObject row = rows.getJsonObject(i);
            assertEquals("DIRECTORY", row.getString("origin"));
            assertFalse(row.getBoolean("local_copy"), row.encode());
            assertNull(row.getString("subject"), "no subject before the first sign-in");
        }
        assertEquals(1, search("ming", 1).size(), "the limit holds");
        assertEquals(List.of("rosa"), usernames(search("2026103", 50)), "any login attribute");
        assertEquals(List.of("lena"), usernames(search("lena", 50)), "a local user is still found");
        assertTrue(search("lena", 50).getJsonObject(0).getBoolean("local_copy"));

        Http.Reply profile = admin("/admin/users/mingzhu?by=username");
        assertEquals(200, profile.status(), profile.body());
        JsonObject person = profile.json();
        assertEquals("Mingzhu Chen", person.getString("name"));
        assertEquals("mingzhu.chen@campus.edu", person.getString("email"));
        assertFalse(person.getBoolean("local_copy"));
        assertTrue(person.getJsonArray("roles").contains("librarians"), person.encode());
        assertFalse(person.encode().contains("userPassword") || person.encode().contains("mingzhu-pass"),
                person.encode());
        assertEquals(404, admin("/admin/users/nobody-here?by=username").status());
        assertEquals(404, admin("/admin/users/mingzhu?by=subject").status(), "a subject only a local copy has");
    }

    @Test
    @Order(2)
    void typedFilterSyntaxIsAValueNeverAFilter() {
        for (String hostile : new String[] {"*", "*)(uid=*", ")(|(uid=*", "\\2a", "(objectClass=*)", "ming*)(cn=*"}) {
            Http.Reply reply = admin("/admin/users?q=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8));
            assertEquals(200, reply.status(), hostile + ": " + reply.body());
            assertTrue(reply.json().getJsonArray("users").isEmpty(), hostile + " matched: " + reply.body());
        }
    }

    @Test
    @Order(3)
    void afterTheFirstSignInThePersonIsOneRowWithALocalCopy() {
        OAuthEndpoints oauth = new OAuthEndpoints(server);
        oauth.passwordGrant(CAMPUS, "mingzhu", "mingzhu-pass-2026", "openid");
        JsonArray rows = search("mingzhu", 50);
        assertEquals(List.of("mingzhu"), usernames(rows), rows.encode());
        assertTrue(rows.getJsonObject(0).getBoolean("local_copy"));
        assertFalse(rows.getJsonObject(0).getString("subject").isEmpty());
    }

    private static JsonArray search(String query, int limit) {
        Http.Reply reply = admin("/admin/users?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + "&limit=" + limit);
        assertEquals(200, reply.status(), reply.body());
        assertEquals("searched", reply.json().getString("directory"), reply.body());
        return reply.json().getJsonArray("users");
    }

    private static List<String> usernames(JsonArray rows) {
        return rows.stream().map(row -> ((JsonObject) row).getString("username")).sorted().toList();
    }

    private static Http.Reply admin(String path) {
        return Http.get(server.baseUrl() + path, "Bearer " + ADMIN_TOKEN);
    }
}
