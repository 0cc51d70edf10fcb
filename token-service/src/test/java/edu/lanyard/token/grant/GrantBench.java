package edu.lanyard.token.grant;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.core.domain.AccessTokenFormat;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.domain.GrantType;
import edu.lanyard.core.domain.RedirectUriMatch;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.error.OAuthException;
import edu.lanyard.core.jose.JwtSigner;
import edu.lanyard.core.ledger.Ledger;
import edu.lanyard.core.metrics.SignInMeters;
import edu.lanyard.core.oidc.IdTokenFactory;
import edu.lanyard.core.oidc.JwtAccessTokens;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.core.token.TokenFormat;
import edu.lanyard.core.token.TokenIssuer;
import edu.lanyard.core.token.TokenResponse;
import edu.lanyard.core.token.TokenRevoker;
import edu.lanyard.core.token.TokenValidator;
import edu.lanyard.core.user.CountingLoginThrottle;
import edu.lanyard.core.user.LocalAuthenticator;
import edu.lanyard.core.user.SignIn;
import edu.lanyard.devkit.Await;
import edu.lanyard.devkit.MutableClock;
import edu.lanyard.devkit.memory.MemorySigningKeyRing;
import edu.lanyard.devkit.memory.MemoryStores;
import edu.lanyard.devkit.memory.MemoryUsers;
import edu.lanyard.devkit.memory.RecordingEventPublisher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;

import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Everything a grant works with, in memory and on a clock that only moves when told: the stores of one cluster, an
 * event log that records (or refuses) events, a key ring, a user directory, and the core objects wired as the token
 * service wires them. No server, no Kafka, no Hazelcast.
 */
final class GrantBench {
    static final String ISSUER = "https://sso.example.edu";
    static final String REDIRECT_URI = "https://app.example.edu/cb";
    static final List<String> CLIENT_SCOPES = List.of("openid", "profile", "email", "read", "write");
    static final long ACCESS_TTL = 600;
    static final long REFRESH_TTL = 86_400;
    static final int MAX_FAILURES = 3;
    static final long LOCKOUT_SECONDS = 300;

    /** RSA key generation is slow; one ring serves every test. */
    private static final MemorySigningKeyRing KEYS = new MemorySigningKeyRing();

    final MutableClock clock = MutableClock.atFixedInstant();
    final MemoryStores stores = MemoryStores.on(clock);
    final RecordingEventPublisher events = new RecordingEventPublisher();
    final MemoryUsers users = new MemoryUsers();
    /** Durability KAFKA: nothing is issued that the log lacks. */
    final Ledger ledger = new Ledger(LanyardConfig.Durability.KAFKA, events, clock);
    final TokenIssuer issuer = new TokenIssuer(stores.accessTokens(), stores.refreshTokens(), ledger,
            new JwtAccessTokens(ISSUER, new JwtSigner(KEYS)));
    final TokenRevoker revoker = new TokenRevoker(stores.accessTokens(), stores.refreshTokens(),
            stores.revocations(), ledger);
    /** What introspection and the resource servers ask: is this token active? */
    final TokenValidator validator = new TokenValidator(stores.accessTokens(), stores.refreshTokens(),
            stores.revocations(), clock);
    final IdTokenFactory idTokens = new IdTokenFactory(ISSUER, 300, users, new JwtSigner(KEYS), clock);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final SignInMeters signIns = new SignInMeters(meters);
    final CountingLoginThrottle loginThrottle = new CountingLoginThrottle(stores.loginAttempts(), ledger,
            new LanyardConfig.Login(1, MAX_FAILURES, 100, LOCKOUT_SECONDS, 1800, 28_800), signIns);
    final SignIn signIn = new SignIn(List.of(new LocalAuthenticator(users, users.passwordCheck())), users,
            loginThrottle, users.passwordCheck(), ledger, signIns);

    long now() {
        return clock.epochSecond();
    }

    /** A confidential client allowed {@code grants}, issuing opaque tokens; {@code change} adjusts it. */
    static Client client(String clientId, Set<GrantType> grants, UnaryOperator<ClientSpec> change) {
        return change.apply(new ClientSpec(clientId, "secret-hash", grants, true, AccessTokenFormat.OPAQUE)).build();
    }

    static Client client(String clientId, Set<GrantType> grants) {
        return client(clientId, grants, UnaryOperator.identity());
    }

    /** The parts of a client the grants decide on. */
    record ClientSpec(String clientId, String secretHash, Set<GrantType> grants, boolean rotate,
                      AccessTokenFormat format) {
        ClientSpec asPublic() {
            return new ClientSpec(clientId, null, grants, rotate, format);
        }

        ClientSpec notRotating() {
            return new ClientSpec(clientId, secretHash, grants, false, format);
        }

        ClientSpec jwtAccessTokens() {
            return new ClientSpec(clientId, secretHash, grants, rotate, AccessTokenFormat.JWT);
        }

        Client build() {
            return new Client(clientId, "Test " + clientId, secretHash, List.of(REDIRECT_URI), RedirectUriMatch.EXACT,
                    grants, CLIENT_SCOPES, ACCESS_TTL, REFRESH_TTL, 60, format, rotate, false, null, List.of(),
                    "standard", Map.of());
        }
    }

    static GrantContext request(Client client, Map<String, String> params) {
        return new GrantContext(client, RequestParams.of(params), new TokenFormat.Opaque256(), "192.0.2.7");
    }

    /** Runs the grant as the token endpoint does: a parameter check that throws becomes a failed request. */
    static Future<TokenResponse> run(Grant grant, GrantContext request) {
        return Future.succeededFuture().compose(ignored -> grant.handle(request));
    }

    static TokenResponse issued(Grant grant, GrantContext request) {
        return Await.result(run(grant, request));
    }

    /** The OAuth error a refused request answers with. */
    static OAuthError refused(Grant grant, GrantContext request) {
        Throwable failure = Await.failure(run(grant, request));
        return assertInstanceOf(OAuthException.class, failure, "refused with an OAuth error").error();
    }

    static void assertRefused(String error, String descriptionPart, OAuthError actual) {
        assertRefused(error, descriptionPart, actual, actual.toString());
    }

    static void assertRefused(String error, String descriptionPart, OAuthError actual, String why) {
        assertEquals(error, actual.error(), why + ": " + actual);
        assertTrue(actual.description().contains(descriptionPart),
                "description \"" + actual.description() + "\" mentions \"" + descriptionPart + "\"");
    }

    boolean active(String accessToken) {
        return Await.result(validator.accessToken(accessToken)).isPresent();
    }

    boolean activeRefresh(String refreshToken) {
        return Await.result(validator.refreshToken(refreshToken)).isPresent();
    }

    /** The claims of an id_token signed by the ring, after checking its signature. */
    static JWTClaimsSet verifiedIdToken(String idToken) {
        return verifiedJwt(idToken);
    }

    /** The claims of a JWT signed with the ring's RS256 key, after checking its signature. */
    static JWTClaimsSet verifiedJwt(String compact) {
        try {
            SignedJWT jwt = SignedJWT.parse(compact);
            RSAKey key = (RSAKey) KEYS.publicKeys().getKeyByKeyId(jwt.getHeader().getKeyID());
            assertTrue(jwt.verify(new RSASSAVerifier(key)), "signed by the ring's current RS256 key");
            return jwt.getJWTClaimsSet();
        } catch (ParseException | JOSEException e) {
            throw new AssertionError("not a signed JWT", e);
        }
    }
}
