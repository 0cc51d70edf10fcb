package edu.lanyard.core.runtime;

import edu.lanyard.core.cas.CasServiceRegistry;
import edu.lanyard.core.client.ClientAuthenticator;
import edu.lanyard.core.client.ClientLookup;
import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.core.ledger.Ledger;
import edu.lanyard.core.oidc.IdTokenMinter;
import edu.lanyard.core.store.AuthFailureWindows;
import edu.lanyard.core.store.CasTickets;
import edu.lanyard.core.store.AuthorizationCodes;
import edu.lanyard.core.store.GrantRevocations;
import edu.lanyard.core.store.RefreshTokens;
import edu.lanyard.core.store.Sessions;
import edu.lanyard.core.store.SharedMaps;
import edu.lanyard.core.token.TokenIssuer;
import edu.lanyard.core.token.TokenRevoker;
import edu.lanyard.core.token.TokenValidator;
import edu.lanyard.core.user.SignIn;
import edu.lanyard.core.user.UserLookup;
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
 * @param signIn     sign-in with a login name and a password, for the login page and the password grant
 * @param ledger     every state change that is an event goes through it (it holds the event publisher)
 * @param sharedMaps named cluster maps for flow state that has no store of its own
 * @param casServices the services registered for the CAS protocol
 * @param casTickets  CAS protocol tickets
 */
public record Platform(
        Vertx vertx,
        LanyardConfig config,
        Clock clock,
        MeterRegistry meters,
        ClientLookup clients,
        ClientAuthenticator clientAuthenticator,
        UserLookup users,
        SignIn signIn,
        RefreshTokens refreshTokens,
        AuthorizationCodes codes,
        GrantRevocations revocations,
        Ledger ledger,
        TokenIssuer tokenIssuer,
        TokenValidator validator,
        TokenRevoker revoker,
        IdTokenMinter idTokens,
        Supplier<JsonObject> publicJwks,
        Sessions sessions,
        AuthFailureWindows authFailures,
        SharedMaps sharedMaps,
        CasServiceRegistry casServices,
        CasTickets casTickets) {

    public String issuer() {
        return config.issuer();
    }
}
