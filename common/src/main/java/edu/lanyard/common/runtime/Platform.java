package edu.lanyard.common.runtime;

import edu.lanyard.common.client.ClientAuthenticator;
import edu.lanyard.common.client.ClientLookup;
import edu.lanyard.common.config.LanyardConfig;
import edu.lanyard.common.event.EventPublisher;
import edu.lanyard.common.oidc.IdTokenMinter;
import edu.lanyard.common.store.AuthorizationCodes;
import edu.lanyard.common.store.GrantRevocations;
import edu.lanyard.common.store.RefreshTokens;
import edu.lanyard.common.token.TokenIssuer;
import edu.lanyard.common.token.TokenRevoker;
import edu.lanyard.common.token.TokenValidator;
import edu.lanyard.common.user.LoginThrottle;
import edu.lanyard.common.user.PasswordCheck;
import edu.lanyard.common.user.UserLookup;
import com.hazelcast.core.HazelcastInstance;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * The shared parts every service is built from, assembled once per process by the launcher. Services receive this
 * and never each other: they meet only in Hazelcast, Kafka and Postgres.
 *
 * @param publicJwks the current JSON Web Key Set (public keys), read from memory
 */
public record Platform(
        Vertx vertx,
        HazelcastInstance hazelcast,
        LanyardConfig config,
        Clock clock,
        MeterRegistry meters,
        ClientLookup clients,
        ClientAuthenticator clientAuthenticator,
        UserLookup users,
        PasswordCheck passwords,
        LoginThrottle loginThrottle,
        RefreshTokens refreshTokens,
        AuthorizationCodes codes,
        GrantRevocations revocations,
        EventPublisher events,
        TokenIssuer tokenIssuer,
        TokenValidator validator,
        TokenRevoker revoker,
        IdTokenMinter idTokens,
        Supplier<JsonObject> publicJwks) {

    public String issuer() {
        return config.issuer();
    }
}
