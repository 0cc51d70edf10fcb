package edu.lanyard.launcher.token;

import edu.lanyard.core.event.CodeIssued;
import edu.lanyard.core.event.EventCodec;
import edu.lanyard.core.event.GrantRevoked;
import edu.lanyard.core.event.LifecycleEvent;
import edu.lanyard.core.event.TokenRevoked;
import edu.lanyard.core.event.TokensIssued;
import edu.lanyard.core.token.TokenHash;
import edu.lanyard.launcher.LanyardTestServer;
import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import static edu.lanyard.launcher.token.ClientCredentials.APP;
import static edu.lanyard.launcher.token.ClientCredentials.JWT_APP;
import static edu.lanyard.launcher.token.ClientCredentials.WEBAPP;
import static edu.lanyard.launcher.token.OAuthAssertions.assertOAuthError;
import static edu.lanyard.launcher.token.OAuthAssertions.assertTokenResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every token state change is one lifecycle event on the server's Kafka topic before the client is answered, keyed
 * by its grant id and carrying SHA-256 hashes of the tokens, never the tokens.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TokenEventsTest {
    private static final String WEBAPP_CB = "http://127.0.0.1:9999/cb";

    private static LanyardTestServer server;
    private static OAuthEndpoints oauth;
    private static TopicRecords topic;
    /** Every secret string this class was handed by the server: none may appear on the topic. */
    private static final Set<String> RAW_SECRETS = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void start() {
        server = LanyardTestServer.builder().importing("/token-clients.yaml").start();
        oauth = new OAuthEndpoints(server);
        topic = new TopicRecords(server.kafkaBootstrap(), server.config().kafka().topic());
    }

    @AfterAll
    static void stop() {
        topic.close();
        server.close();
    }

    private static JsonObject remember(JsonObject tokenResponse) {
        for (String field : List.of("access_token", "refresh_token", "id_token")) {
            if (tokenResponse.getString(field) != null) {
                RAW_SECRETS.add(tokenResponse.getString(field));
            }
        }
        return tokenResponse;
    }

    /** The one event of {@code type} matching {@code which}, read from the records already on the topic. */
    private static <E extends LifecycleEvent> Keyed<E> single(Class<E> type, Predicate<E> which) {
        List<Keyed<E>> found = new ArrayList<>();
        for (ConsumerRecord<String, String> record : topic.readToEnd()) {
            LifecycleEvent event = EventCodec.decode(record.value());
            if (type.isInstance(event) && which.test(type.cast(event))) {
                found.add(new Keyed<>(record.key(), type.cast(event)));
            }
        }
        if (found.size() != 1) {
            fail("expected one " + type.getSimpleName() + " on the topic when the response came, found "
                    + found.size());
        }
        return found.get(0);
    }

    /**
     * Like {@link #single}, but waits for it: a family revocation takes effect in Hazelcast first and its event
     * follows without holding up the response (TokenRevoker.revokeGrant), so it may land just after the answer.
     */
    private static <E extends LifecycleEvent> Keyed<E> eventually(Class<E> type, Predicate<E> which) {
        Polling.until(Duration.ofSeconds(10), "a " + type.getSimpleName() + " on the topic",
                () -> topic.readToEnd().stream().map(r -> EventCodec.decode(r.value()))
                        .anyMatch(e -> type.isInstance(e) && which.test(type.cast(e))));
        return single(type, which);
    }

    private record Keyed<E>(String key, E event) {
    }

    @Test
    void clientCredentialsIssue() {
        JsonObject body = remember(assertTokenResponse(oauth.token(APP, "grant_type", "client_credentials",
                "scope", "reports.read")));
        String hash = TokenHash.of(body.getString("access_token"));
        Keyed<TokensIssued> issued = single(TokensIssued.class, e -> hash.equals(e.accessTokenHash()));
        assertEquals(issued.event().grantId(), issued.key());
        assertEquals("app", issued.event().clientId());
        assertEquals("client_credentials", issued.event().grantType());
        assertEquals("reports.read", issued.event().scope());
        assertNull(issued.event().refreshTokenHash());
        assertNull(issued.event().subject());
        assertEquals(1, issued.event().meta().v());
    }

    @Test
    void jwtAccessTokenIssueCarriesItsHash() {
        JsonObject body = remember(assertTokenResponse(oauth.token(JWT_APP, "grant_type", "client_credentials")));
        String hash = TokenHash.of(body.getString("access_token"));
        Keyed<TokensIssued> issued = single(TokensIssued.class, e -> hash.equals(e.accessTokenHash()));
        assertEquals("jwt", issued.event().accessTokenFormat());
    }

    @Test
    void passwordIssueRotationReuseAndFamilyRevocation() {
        JsonObject first = remember(oauth.passwordGrant(APP, "tess", "tess-pass", "openid profile"));
        Keyed<TokensIssued> issued = single(TokensIssued.class,
                e -> TokenHash.of(first.getString("access_token")).equals(e.accessTokenHash()));
        String grantId = issued.event().grantId();
        assertEquals(grantId, issued.key());
        assertEquals(TokenHash.of(first.getString("refresh_token")), issued.event().refreshTokenHash());
        assertEquals("tess", issued.event().username());
        assertNotNull(issued.event().subject());

        JsonObject second = remember(assertTokenResponse(oauth.token(APP, "grant_type", "refresh_token",
                "refresh_token", first.getString("refresh_token"), "scope", "profile")));
        Keyed<TokensIssued> rotated = single(TokensIssued.class,
                e -> TokenHash.of(second.getString("access_token")).equals(e.accessTokenHash()));
        assertEquals(grantId, rotated.key());
        assertEquals(grantId, rotated.event().grantId());
        assertEquals(TokenHash.of(first.getString("refresh_token")), rotated.event().rotatedFromHash());
        assertEquals(TokenHash.of(second.getString("refresh_token")), rotated.event().refreshTokenHash());
        assertEquals("profile", rotated.event().scope());
        assertEquals("openid profile", rotated.event().refreshTokenScope());

        assertOAuthError(oauth.token(APP, "grant_type", "refresh_token", "refresh_token",
                first.getString("refresh_token")), 400, "invalid_grant");
        Keyed<GrantRevoked> reuse = eventually(GrantRevoked.class, e -> grantId.equals(e.grantId()));
        assertEquals(grantId, reuse.key());
        assertEquals("refresh_token_reuse", reuse.event().reason());
        assertTrue(reuse.event().keepSeconds() > 0);
    }

    @Test
    void revocationOfAnAccessTokenAndOfARefreshToken() {
        JsonObject tokens = remember(oauth.passwordGrant(APP, "tess", "tess-pass", "profile"));
        String grantId = single(TokensIssued.class,
                e -> TokenHash.of(tokens.getString("access_token")).equals(e.accessTokenHash())).event().grantId();

        assertEquals(200, oauth.revoke(APP, tokens.getString("access_token")).status());
        Keyed<TokenRevoked> access = single(TokenRevoked.class,
                e -> TokenHash.of(tokens.getString("access_token")).equals(e.tokenHash()));
        assertEquals(grantId, access.key());
        assertEquals("ACCESS_TOKEN", access.event().tokenKind());

        assertEquals(200, oauth.revoke(APP, tokens.getString("refresh_token")).status());
        Keyed<TokenRevoked> refresh = single(TokenRevoked.class,
                e -> TokenHash.of(tokens.getString("refresh_token")).equals(e.tokenHash()));
        assertEquals(grantId, refresh.key());
        assertEquals("REFRESH_TOKEN", refresh.event().tokenKind());
        Keyed<GrantRevoked> family = eventually(GrantRevoked.class, e -> grantId.equals(e.grantId()));
        assertEquals(grantId, family.key());
    }

    @Test
    void codeIssueAndRedemptionAndReplay() {
        BrowserSignIn.Code code = new BrowserSignIn(server.baseUrl())
                .authorize("webapp", WEBAPP_CB, "openid", "tess", "tess-pass");
        RAW_SECRETS.add(code.code());
        RAW_SECRETS.add(code.verifier());
        String codeHash = TokenHash.of(code.code());
        Keyed<CodeIssued> codeIssued = single(CodeIssued.class, e -> codeHash.equals(e.codeHash()));
        assertEquals(codeIssued.event().grantId(), codeIssued.key());

        String[] exchange = {"grant_type", "authorization_code", "code", code.code(), "redirect_uri", WEBAPP_CB,
                "code_verifier", code.verifier()};
        JsonObject tokens = remember(assertTokenResponse(oauth.token(WEBAPP, exchange)));
        Keyed<TokensIssued> issued = single(TokensIssued.class, e -> codeHash.equals(e.codeHash()));
        assertEquals(codeIssued.event().grantId(), issued.key());
        assertEquals(TokenHash.of(tokens.getString("access_token")), issued.event().accessTokenHash());

        assertOAuthError(oauth.token(WEBAPP, exchange), 400, "invalid_grant");
        Keyed<GrantRevoked> replay = eventually(GrantRevoked.class,
                e -> codeIssued.event().grantId().equals(e.grantId()));
        assertEquals("code_replay", replay.event().reason());
        assertFalse(oauth.active(tokens.getString("access_token")));
    }

    /** Runs after the others: the whole topic, every record value and key, holds no token this class received. */
    @Test
    @Order(Integer.MAX_VALUE)
    void noRawTokenAnywhereOnTheTopic() {
        List<ConsumerRecord<String, String>> records = topic.readToEnd();
        assertFalse(records.isEmpty());
        assertFalse(RAW_SECRETS.isEmpty());
        for (ConsumerRecord<String, String> record : records) {
            for (String secret : RAW_SECRETS) {
                assertFalse(record.value().contains(secret), "a raw token is on the topic: " + record.value());
                assertFalse(record.key() != null && record.key().contains(secret), "a raw token is a record key");
            }
        }
        System.out.printf("token events: %d records checked against %d raw token strings%n", records.size(),
                RAW_SECRETS.size());
    }
}
