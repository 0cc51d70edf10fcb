package edu.lanyard.console;

import edu.lanyard.core.domain.User;
import edu.lanyard.core.operator.ConsoleAccess;
import edu.lanyard.core.operator.ConsoleClient;
import edu.lanyard.core.operator.ConsoleOperators;
import edu.lanyard.core.operator.OperatorRole;
import edu.lanyard.core.token.AccessTokenRecord;
import edu.lanyard.core.token.TokenHash;
import edu.lanyard.core.token.TokenValidator;
import edu.lanyard.core.user.UserLookup;
import edu.lanyard.devkit.MutableClock;
import edu.lanyard.devkit.memory.MemoryStores;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The role check on every console request, against the in-memory stores: token, client, user and role. */
class ConsoleOperatorsTest {
    private static final Instant NOW = Instant.parse("2030-01-01T08:00:00Z");
    private final MutableClock clock = new MutableClock(NOW);
    private final MemoryStores stores = MemoryStores.on(clock);
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final ConsoleOperators operators = new ConsoleOperators(
            new TokenValidator(stores.accessTokens(), stores.refreshTokens(), stores.revocations(), clock),
            new UserLookup() {
                @Override
                public Future<Optional<User>> byUsername(String username) {
                    return Future.succeededFuture(users.values().stream()
                            .filter(u -> u.username().equals(username)).findFirst());
                }

                @Override
                public Future<Optional<User>> bySubject(String subject) {
                    return Future.succeededFuture(Optional.ofNullable(users.get(subject)));
                }
            }, new OperatorRole("lanyard-operator"));

    private void user(String subject, String username, List<String> roles) {
        users.put(subject, User.local(subject, username, null, username, null, null, Map.of("roles", roles), NOW));
    }

    private String token(String value, String clientId, String subject, String grantId) {
        long now = NOW.getEpochSecond();
        stores.accessTokens().save(TokenHash.of(value), new AccessTokenRecord(grantId, clientId, subject, null,
                "openid roles", "authorization_code", null, "opaque", now, now + 900)).toCompletionStage()
                .toCompletableFuture().join();
        return value;
    }

    private ConsoleAccess check(String token) {
        return operators.check(token).toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void anOperatorsConsoleTokenLetsThemIn() {
        user("s-olga", "olga", List.of("staff", "lanyard-operator"));
        ConsoleAccess access = check(token("t-olga", ConsoleClient.CLIENT_ID, "s-olga", "g-1"));
        assertEquals(new ConsoleAccess.Operator("s-olga", "olga"), access);
        assertEquals("olga", ((ConsoleAccess.Operator) access).actor());
    }

    @Test
    void aUserWithoutTheRoleIsNoOperator() {
        user("s-nick", "nick", List.of("staff"));
        assertEquals(new ConsoleAccess.NotOperator("s-nick", "nick"),
                check(token("t-nick", ConsoleClient.CLIENT_ID, "s-nick", "g-2")));
    }

    @Test
    void theRoleIsCheckedAtEveryRequestNotWhenTheTokenWasIssued() {
        user("s-olga", "olga", List.of("lanyard-operator"));
        String token = token("t-olga", ConsoleClient.CLIENT_ID, "s-olga", "g-1");
        assertInstanceOf(ConsoleAccess.Operator.class, check(token));
        user("s-olga", "olga", List.of("staff"));
        assertInstanceOf(ConsoleAccess.NotOperator.class, check(token), "the role was taken away");
        users.put("s-olga", users.get("s-olga").withDisabled(true));
        assertInstanceOf(ConsoleAccess.NotOperator.class, check(token), "a disabled operator");
        users.remove("s-olga");
        assertInstanceOf(ConsoleAccess.NotOperator.class, check(token), "a deleted user");
    }

    @Test
    void anotherClientsTokenIsNoConsoleTokenEvenForAnOperator() {
        user("s-olga", "olga", List.of("lanyard-operator"));
        assertInstanceOf(ConsoleAccess.NotConsoleToken.class, check(token("t-app", "webapp", "s-olga", "g-3")));
    }

    @Test
    void expiredRevokedUnknownAndMissingTokensAreNoConsoleTokens() {
        user("s-olga", "olga", List.of("lanyard-operator"));
        String token = token("t-olga", ConsoleClient.CLIENT_ID, "s-olga", "g-1");
        stores.revocations().revoke("g-1", "admin", 3600).toCompletionStage().toCompletableFuture().join();
        assertInstanceOf(ConsoleAccess.NotConsoleToken.class, check(token), "revoked family");
        String later = token("t-later", ConsoleClient.CLIENT_ID, "s-olga", "g-4");
        clock.advance(java.time.Duration.ofSeconds(901));
        assertInstanceOf(ConsoleAccess.NotConsoleToken.class, check(later), "expired");
        assertInstanceOf(ConsoleAccess.NotConsoleToken.class, check("never-issued"));
        assertInstanceOf(ConsoleAccess.NotConsoleToken.class, check(null));
        assertInstanceOf(ConsoleAccess.NotConsoleToken.class, check("x".repeat(5000)));
    }

    @Test
    void theBearerIsReadFromTheHeader() {
        assertEquals("abc", ConsoleOperators.bearer("Bearer abc"));
        assertEquals("abc", ConsoleOperators.bearer("bearer  abc "));
        assertEquals(null, ConsoleOperators.bearer("Basic abc"));
        assertEquals(null, ConsoleOperators.bearer("Bearer "));
        assertEquals(null, ConsoleOperators.bearer(null));
    }
}
