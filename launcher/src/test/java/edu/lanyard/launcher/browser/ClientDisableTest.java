package edu.lanyard.launcher.browser;

import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.TwoNodeCluster;
import edu.lanyard.projection.admin.AdminCredentials;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An operator disables a client on one node of two, through the operator API: on the other node (Postgres
 * notification) its client_credentials grant answers invalid_client in the standard and in the Ketanyun shape,
 * its authorization request is an error page that never redirects, and its introspection is refused; a token it got
 * before still introspects as active for a resource server. Enabled again, the same secret works. Both changes are
 * in the audit log with the operator as actor.
 */
class ClientDisableTest {
    private static final String ADMIN_TOKEN = "client-disable-admin-token-0123456789abcdefgh";
    private static final String FEED = "feed";
    private static final String FEED_SECRET = "feed-secret-0123456789abcdef";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static TwoNodeCluster cluster;
    private static String nodeA;
    private static String nodeB;

    @BeforeAll
    static void start() {
        cluster = TwoNodeCluster.start("client-disable", "/client-disable-clients.yaml",
                Map.of("LANYARD_ADMIN_TOKEN_HASH", AdminCredentials.sha256Hex(ADMIN_TOKEN)));
        nodeA = cluster.nodeA().baseUrl();
        nodeB = cluster.nodeB().baseUrl();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aDisabledClientIsRefusedEverywhereUntilEnabledAndItsTokensLiveOn() throws Exception {
        Http.Reply before = clientCredentials(nodeB, FEED, FEED_SECRET);
        assertEquals(200, before.status(), before.body());
        String earlierToken = before.json().getString("access_token");

        Http.Reply disabled = admin("POST", "/admin/clients/" + FEED + "/disable");
        assertEquals(200, disabled.status(), disabled.body());
        assertTrue(disabled.json().getJsonObject("client").getBoolean("disabled"), disabled.body());
        assertFalse(disabled.body().contains(FEED_SECRET));

        Http.Reply refused = await(() -> clientCredentials(nodeB, FEED, FEED_SECRET), r -> r.status() == 401);
        assertEquals(401, refused.status(), "the other node learnt it: " + refused.body());
        assertEquals("invalid_client", refused.json().getString("error"));
        assertEquals(401, clientCredentials(nodeA, FEED, FEED_SECRET).status());

        Http.Reply authorize = Http.get(nodeB + "/oauth2/authorize?response_type=code&client_id=" + FEED
                + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A9111%2Fcb&scope=openid&state=s", null);
        assertEquals(400, authorize.status(), authorize.body());
        assertFalse(authorize.headers().containsKey("location"), "an error page, never a redirect");
        assertTrue(authorize.body().contains("invalid_client"), authorize.body());

        Http.Reply ownIntrospection = introspect(nodeB, FEED, FEED_SECRET, earlierToken);
        assertEquals(401, ownIntrospection.status(), ownIntrospection.body());
        assertEquals("invalid_client", ownIntrospection.json().getString("error"));
        Http.Reply byGateway = introspect(nodeB, "gateway", "gateway-secret-0123456789abcdef", earlierToken);
        assertEquals(200, byGateway.status(), byGateway.body());
        assertTrue(byGateway.json().getBoolean("active"), "its tokens live until revoked: " + byGateway.body());

        Http.Reply listed = admin("GET", "/admin/clients?q=" + FEED);
        assertTrue(listed.json().getJsonArray("clients").getJsonObject(0).getBoolean("disabled"), listed.body());

        Http.Reply enabled = admin("POST", "/admin/clients/" + FEED + "/enable");
        assertEquals(200, enabled.status(), enabled.body());
        assertFalse(enabled.json().getJsonObject("client").getBoolean("disabled"));
        Http.Reply again = await(() -> clientCredentials(nodeB, FEED, FEED_SECRET), r -> r.status() == 200);
        assertEquals(200, again.status(), "enabled, the same secret works: " + again.body());

        JsonObject disabledLine = awaitAudit("client_id=" + FEED + "&action=client_disabled").getJsonObject(0);
        assertEquals("operator-token", actorOr(disabledLine), "the operator who asked");
        awaitAudit("client_id=" + FEED + "&action=client_enabled");
    }

    @Test
    void aDisabledProductClientIsRefusedInItsProductsShape() throws Exception {
        String ketanyun = nodeB + "/sso/oauth2/token?grant_type=client_credentials&client_id=kt-feed"
                + "&client_secret=kt-feed-secret-0123456789";
        assertEquals(200, Http.postForm(ketanyun, null, "").status());
        assertEquals(200, admin("POST", "/admin/clients/kt-feed/disable").status());
        Http.Reply refused = await(() -> Http.postForm(ketanyun, null, ""), r -> r.status() != 200);
        assertEquals(401, refused.status(), refused.body());
        assertEquals("invalid_client", refused.json().getString("error"));
        assertNotNull(refused.json().getString("error_description"), "Oltu's shape: " + refused.body());
        assertEquals(200, admin("POST", "/admin/clients/kt-feed/enable").status());
    }

    @Test
    void anUnknownClientIsA404AndNoCredentialIsRefused() {
        Http.Reply unknown = admin("POST", "/admin/clients/nobody/disable");
        assertEquals(404, unknown.status(), unknown.body());
        assertEquals("not_found", unknown.json().getString("error"));
        Http.Reply anonymous = Http.send(HttpRequest.newBuilder(URI.create(nodeA + "/admin/clients/feed/disable"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(401, anonymous.status(), anonymous.body());
    }

    // ---------- helpers ----------

    private static String actorOr(JsonObject line) {
        JsonObject detail = line.getJsonObject("detail");
        assertNotNull(detail, line.encode());
        return detail.getString("actor");
    }

    private static Http.Reply clientCredentials(String base, String id, String secret) {
        return Http.postForm(base + "/oauth2/token", Http.basic(id, secret),
                Http.form(Http.fields("grant_type", "client_credentials")));
    }

    private static Http.Reply introspect(String base, String id, String secret, String token) {
        return Http.postForm(base + "/oauth2/introspect", Http.basic(id, secret),
                Http.form(Http.fields("token", token)));
    }

    private static Http.Reply admin(String method, String path) {
        return Http.send(HttpRequest.newBuilder(URI.create(nodeA + path))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    /** The reply once it satisfies {@code done}, or the last one: every node reloads the client on NOTIFY. */
    private static Http.Reply await(Supplier<Http.Reply> call, java.util.function.Predicate<Http.Reply> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Http.Reply reply = call.get();
        while (!done.test(reply) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            reply = call.get();
        }
        return reply;
    }

    private static JsonArray awaitAudit(String query) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Http.Reply audit = admin("GET", "/admin/audit?" + query);
            assertEquals(200, audit.status(), audit.body());
            JsonArray lines = audit.json().getJsonArray("entries");
            if (lines != null && !lines.isEmpty()) {
                return lines;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no audit line for " + query);
    }
}
