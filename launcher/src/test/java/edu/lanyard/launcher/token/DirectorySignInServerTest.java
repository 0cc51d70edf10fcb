package edu.lanyard.launcher.token;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import edu.lanyard.devkit.FreePorts;
import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A whole node with ldap.enabled against an in-memory directory: the password grant for a directory user, then
 * userinfo from the local copy (given_name, family_name, email, roles as the scopes allow); a local user of the same
 * name wins; a directory that cannot be reached is 503 temporarily_unavailable, not invalid_grant.
 */
class DirectorySignInServerTest {
    private static final ClientCredentials CAMPUS = new ClientCredentials("campus", "campus-secret-0123456789abcdef");
    private static final String BASE = "dc=campus,dc=edu";
    private static InMemoryDirectoryServer directory;
    private static LanyardTestServer server;
    private static OAuthEndpoints oauth;

    @BeforeAll
    static void start() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.addAdditionalBindCredentials("cn=lanyard,ou=services," + BASE, "svc-secret-0123");
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", FreePorts.pick()));
        directory = new InMemoryDirectoryServer(config);
        directory.add("dn: " + BASE, "objectClass: domain", "dc: campus");
        directory.add("dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people");
        directory.add("dn: ou=groups," + BASE, "objectClass: organizationalUnit", "ou: groups");
        directory.add("dn: uid=nora,ou=people," + BASE, "objectClass: inetOrgPerson", "uid: nora", "cn: Nora Noether",
                "givenName: Nora", "sn: Noether", "mail: nora@campus.edu", "userPassword: nora-pass-1");
        directory.add("dn: uid=lena,ou=people," + BASE, "objectClass: inetOrgPerson", "uid: lena", "cn: Lena Dir",
                "sn: Dir", "mail: lena@campus.edu", "userPassword: lena-dir-pass");
        directory.add("dn: cn=algebra,ou=groups," + BASE, "objectClass: groupOfNames", "cn: algebra",
                "member: uid=nora,ou=people," + BASE);
        directory.add("dn: cn=faculty,ou=groups," + BASE, "objectClass: groupOfNames", "cn: faculty",
                "member: cn=algebra,ou=groups," + BASE);
        directory.startListening();
        server = LanyardTestServer.builder().importing("/directory-clients.yaml").env(Map.of(
                "LANYARD_LDAP_ENABLED", "true",
                "LANYARD_LDAP_URLS", "ldap://127.0.0.1:" + directory.getListenPort(),
                "LANYARD_LDAP_BIND_DN", "cn=lanyard,ou=services," + BASE,
                "LANYARD_LDAP_BIND_PASSWORD", "svc-secret-0123",
                "LANYARD_LDAP_BASE_DN", "ou=people," + BASE,
                "LANYARD_LDAP_LOGIN_ATTRIBUTES", "uid,mail",
                "LANYARD_LDAP_RESPONSE_TIMEOUT_MS", "3000",
                "LANYARD_LDAP_GROUPS_SEARCH_BASE", "ou=groups," + BASE,
                "LANYARD_LDAP_GROUPS_NESTED_DEPTH", "3")).start();
        oauth = new OAuthEndpoints(server);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        directory.shutDown(true);
    }

    @Test
    void aDirectoryUserGetsTokensAndUserinfoReadsTheLocalCopy() {
        JsonObject tokens = oauth.passwordGrant(CAMPUS, "nora@campus.edu", "nora-pass-1", "openid profile email roles");
        JsonObject userinfo = userinfo(tokens.getString("access_token"));
        assertEquals("nora", userinfo.getString("preferred_username"));
        assertEquals("Nora Noether", userinfo.getString("name"));
        assertEquals("Nora", userinfo.getString("given_name"));
        assertEquals("Noether", userinfo.getString("family_name"));
        assertEquals("nora@campus.edu", userinfo.getString("email"));
        assertEquals(new JsonArray().add("algebra").add("faculty"), userinfo.getJsonArray("roles"));

        JsonObject narrow = userinfo(oauth.passwordGrant(CAMPUS, "nora", "nora-pass-1", "openid")
                .getString("access_token"));
        assertEquals(userinfo.getString("sub"), narrow.getString("sub"), "the same subject at every sign-in");
        assertNull(narrow.getString("given_name"), "no profile scope, no profile claims");
        assertNull(narrow.getValue("roles"), "no roles scope, no roles");
        assertNull(narrow.getString("email"));

        Http.Reply wrong = oauth.token(CAMPUS, "grant_type", "password", "username", "nora", "password", "nope",
                "scope", "openid");
        assertEquals(400, wrong.status());
        assertEquals("invalid_grant", wrong.json().getString("error"));
    }

    @Test
    void theLoginPageSignsInADirectoryUser() {
        BrowserSignIn.Code code = new BrowserSignIn(server.baseUrl()).authorize("campus-web",
                "http://127.0.0.1:9999/cb", "openid profile", "nora", "nora-pass-1");
        JsonObject tokens = OAuthAssertions.assertTokenResponse(oauth.token(
                new ClientCredentials("campus-web", "campus-web-secret-0123456789abcdef"),
                "grant_type", "authorization_code", "code", code.code(), "redirect_uri", code.redirectUri(),
                "code_verifier", code.verifier()));
        assertEquals("Noether", userinfo(tokens.getString("access_token")).getString("family_name"));
    }

    @Test
    void aLocalUserOfTheSameNameWins() {
        JsonObject local = userinfo(oauth.passwordGrant(CAMPUS, "lena", "lena-local-pass", "openid email")
                .getString("access_token"));
        assertEquals("lena@local.example.edu", local.getString("email"));
        Http.Reply directoryPassword = oauth.token(CAMPUS, "grant_type", "password", "username", "lena",
                "password", "lena-dir-pass", "scope", "openid");
        assertEquals("invalid_grant", directoryPassword.json().getString("error"));
    }

    @Test
    void anUnreachableDirectoryIsTemporarilyUnavailable() throws Exception {
        directory.shutDown(true);
        try {
            Http.Reply reply = oauth.token(CAMPUS, "grant_type", "password", "username", "someone",
                    "password", "someone-pass", "scope", "openid");
            assertEquals(503, reply.status(), reply.body());
            assertEquals("temporarily_unavailable", reply.json().getString("error"));
            assertFalse(reply.body().contains("someone-pass"));
            loginPageSaysTryAgainLater();
        } finally {
            directory.startListening();
        }
    }

    /** The login form posted while the directory is down: the "try again later" page, not "wrong password". */
    private static void loginPageSaysTryAgainLater() throws Exception {
        java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager()).build();
        String authorize = server.baseUrl() + "/oauth2/authorize?response_type=code&client_id=campus-web"
                + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A9999%2Fcb&scope=openid&state=s1"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";
        String page = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(authorize)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher hidden = java.util.regex.Pattern
                .compile("name=\"(csrf|rid)\" value=\"([^\"]*)\"").matcher(page);
        Map<String, String> fields = new java.util.HashMap<>();
        while (hidden.find()) {
            fields.put(hidden.group(1), hidden.group(2));
        }
        java.net.http.HttpResponse<String> login = browser.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(server.baseUrl() + "/oauth2/login"))
                .header("Content-Type", OAuthEndpoints.FORM)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(OAuthEndpoints.form("rid", fields.get("rid"),
                        "csrf", fields.get("csrf"), "username", "someone", "password", "someone-pass"))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(503, login.statusCode(), login.body());
        assertFalse(login.body().contains("That ID or password is not right"), login.body());
        assertFalse(login.body().contains("someone-pass"));
    }

    private static JsonObject userinfo(String accessToken) {
        Http.Reply reply = Http.get(server.baseUrl() + "/oauth2/userinfo", "Bearer " + accessToken);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }
}
