package edu.lanyard.dialects;

import com.code_intelligence.jazzer.junit.FuzzTest;
import edu.lanyard.core.client.ClientAuthenticationException;
import edu.lanyard.core.client.PresentedCredentials;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.error.OAuthException;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.devkit.fuzz.WireRequest;
import edu.lanyard.dialects.maxkey.MaxKeyDialect;
import edu.lanyard.dialects.standard.StandardDialect;
import io.vertx.core.MultiMap;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * How every dialect turns a request into parameters and client credentials, and what its token, profile and logout
 * endpoints read from them, over any request. An input is a request as {@link WireRequest} writes it; seeds, taken
 * from the products' documents: {@code DialectRequestFuzzTestInputs}; {@code perf/fuzz.sh} fuzzes.
 *
 * <p>Invariants: whatever a dialect throws while reading a request is an OAuthException (or the invalid_client of a
 * malformed Basic header) with a 4xx status, which every dialect renders in its own shape; anything else would be
 * answered as a 500. Credentials are consistent with their method; a profile token is never empty; a logout never
 * redirects without a target, nor to an unregistered one.
 */
class DialectRequestFuzzTest {
    private static final List<Dialect> DIALECTS = List.of(
            new StandardDialect("https://lanyard.example.edu"),
            ProductDialects.create("ketanyun", "/sso", Map.of()),
            ProductDialects.create("authz", "/api/sso", Map.of()),
            ProductDialects.create("maxkey", "/sign", Map.of()),
            ProductDialects.create("maxkey", "/maxkey", Map.of("uuidTokenCheck", false, "emptyClientAuthFailure", true)),
            ProductDialects.create("cas", "/cas", Map.of("errorFormat", "json")),
            ProductDialects.create("phpsso", "", Map.of()),
            ProductDialects.create("phpsso", "/php", Map.of("rejectBasicWithClientId", true)));
    private static final List<OAuthError> GRANT_ERRORS = List.of(OAuthError.invalidClient("bad client"),
            OAuthError.invalidGrant("bad grant"), OAuthError.invalidRequest("bad request"),
            OAuthError.unsupportedGrantType("bad type"));

    @FuzzTest
    void tokenRequest(byte[] input) {
        WireRequest wire = WireRequest.parse(input);
        for (Dialect dialect : DIALECTS) {
            Optional<RequestParams> read = params(dialect, wire);
            if (read.isEmpty()) {
                continue;
            }
            RequestParams params = read.get();
            String authorization = wire.header("Authorization");
            try {
                credentials(dialect, authorization, params, dialect.credentials(authorization, params));
            } catch (RuntimeException e) {
                clientError(dialect, e);
            }
            try {
                dialect.precheckTokenRequest(params);
            } catch (RuntimeException e) {
                clientError(dialect, e);
            }
            for (OAuthError error : GRANT_ERRORS) {
                OAuthError worded = dialect.tokenError(params, error);
                assertNotNull(worded.error(), dialect.name());
                assertTrue(worded.status() >= 400 && worded.status() < 500, dialect.name() + " keeps a client error");
            }
        }
    }

    @FuzzTest
    void profileRequest(byte[] input) {
        WireRequest wire = WireRequest.parse(input);
        for (Dialect dialect : DIALECTS) {
            if (!(dialect instanceof ProductDialect product)) {
                continue;
            }
            Optional<RequestParams> params = params(product, wire);
            if (params.isEmpty()) {
                continue;
            }
            Optional<String> token = product.profileToken(wire.header("Authorization"), params.get());
            token.ifPresent(t -> {
                assertFalse(t.isBlank(), product.name() + " never presents a blank token: [" + t + "]");
                product.acceptsTokenShape(t);
            });
            params.get().first("access_token").ifPresent(t -> assertEquals(Optional.of(t), token,
                    product.name() + ": the access_token parameter comes first"));
        }
    }

    @FuzzTest
    void logoutRequest(byte[] input) {
        WireRequest wire = WireRequest.parse(input);
        for (Dialect dialect : DIALECTS) {
            if (!(dialect instanceof ProductDialect product)) {
                continue;
            }
            Optional<RequestParams> read = params(product, wire);
            if (read.isEmpty()) {
                continue;
            }
            RequestParams params = read.get();
            String target = product.logoutTargetParameters().stream().map(params::firstOrNull)
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            LogoutAnswer withoutTarget = product.loggedOut(params, null);
            assertNotNull(withoutTarget, product.name());
            assertFalse(withoutTarget instanceof LogoutAnswer.Redirect, product.name() + ": no target, no redirect");
            if (target != null) {
                // As if the target were registered: the answer goes there and nowhere else.
                LogoutAnswer answer = product.loggedOut(params, target);
                if (answer instanceof LogoutAnswer.Redirect redirect) {
                    assertTrue(redirect.location().startsWith(target), product.name() + " redirects to the target");
                }
            }
            product.refuseLogoutTarget(params).ifPresent(refusal -> assertFalse(
                    refusal instanceof LogoutAnswer.Redirect, product.name() + ": an unregistered target is refused"));
        }
    }

    /** The dialect's parameters, or empty when Vert.x refuses the body before a handler runs or the read fails. */
    private static Optional<RequestParams> params(Dialect dialect, WireRequest wire) {
        Optional<MultiMap> form = wire.form();
        if (form.isEmpty()) {
            return Optional.empty();
        }
        Function<RequestParams.Source, MultiMap> decoded = source ->
                source == RequestParams.Source.QUERY ? wire.query() : form.get();
        try {
            return Optional.of(dialect.params(decoded));
        } catch (RuntimeException e) {
            clientError(dialect, e);
            return Optional.empty();
        }
    }

    private static void credentials(Dialect dialect, String authorization, RequestParams params,
                                    PresentedCredentials read) {
        String name = dialect.name();
        assertNotNull(read.method(), name);
        if (read.method() == PresentedCredentials.Method.NONE) {
            assertEquals(null, read.secret(), name + ": no secret without a method");
        } else {
            assertNotNull(read.clientId(), name);
            assertFalse(read.clientId().isEmpty(), name + ": an authenticating client has an id");
            assertNotNull(read.secret(), name);
        }
        assertEquals("PresentedCredentials[" + read.clientId() + ", "
                + read.method().name().toLowerCase(java.util.Locale.ROOT) + "]", read.toString(), name + ": no secret");
        if (dialect instanceof ProductDialect) {
            params.first("client_id").ifPresent(id -> {
                assertEquals(id, read.clientId(), name + ": a client_id parameter names the client");
                assertFalse(read.usedBasic(), name + ": Basic is read only without a client_id parameter");
            });
        }
        if (dialect instanceof MaxKeyDialect && params.has("client_id")) {
            assertNotNull(read.secret(), name + " reads a missing secret as empty");
        }
        if (authorization == null && !params.has("client_id")) {
            assertEquals(PresentedCredentials.Method.NONE, read.method(), name);
        }
    }

    /** What a dialect may throw while reading a request: a client error it renders in its own shape, never a 500. */
    private static void clientError(Dialect dialect, RuntimeException e) {
        OAuthError error;
        if (e instanceof OAuthException oauth) {
            error = oauth.error();
        } else if (e instanceof ClientAuthenticationException auth) {
            error = auth.error();
            assertEquals("invalid_client", error.error(), dialect.name());
        } else {
            throw new AssertionError(dialect.name() + ": unexpected " + e.getClass().getName(), e);
        }
        assertNotNull(error.error(), dialect.name());
        if (error.status() < 400 || error.status() >= 500) {
            fail(dialect.name() + ": a request's own fault must be a 4xx, not " + error.status() + " " + error);
        }
    }
}
