package edu.lanyard.token;

import edu.lanyard.core.client.ClientLookup;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.error.OAuthException;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.core.token.ActiveToken;
import edu.lanyard.core.token.TokenValidator;
import edu.lanyard.dialects.DialectResponder;
import edu.lanyard.dialects.http.Responses;
import edu.lanyard.dialects.maxkey.MaxKeyDialect;
import edu.lanyard.dialects.maxkey.MaxKeyWire;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;

/**
 * MaxKey's {@code introspect} and Spring-style {@code check_token} (docs/products.md C.5). MaxKey asked for no
 * client authentication; Lanyard does (a caller learns about its own tokens, or every token if it is a resource
 * server), unless the token's own client was imported with {@code openIntrospection} — then an anonymous caller
 * learns about that client's tokens, as MaxKey answered everybody. Anything not visible is simply inactive/unknown.
 */
final class MaxKeyTokenChecks {
    private final MaxKeyDialect dialect;
    private final GuardedClientAuthentication clients;
    private final ClientLookup directory;
    private final TokenValidator validator;

    MaxKeyTokenChecks(MaxKeyDialect dialect, GuardedClientAuthentication clients, ClientLookup directory,
                      TokenValidator validator) {
        this.dialect = dialect;
        this.clients = clients;
        this.directory = directory;
        this.validator = validator;
    }

    /** {"token","active","sub"}, HTTP 200 as MaxKey; the token is found where {@code /me} finds it. */
    Handler<RoutingContext> introspect() {
        return ctx -> {
            RequestParams params;
            try {
                params = dialect.params(ctx);
            } catch (OAuthException e) {
                dialect.renderError(ctx, e.error());
                return;
            }
            Optional<String> token = dialect.profileToken(ctx, params);
            if (token.isEmpty()) {
                dialect.renderError(ctx, OAuthError.invalidRequest("Missing token"));
                return;
            }
            DialectResponder.respond(ctx, dialect, () -> lookUp(ctx, params, token.get()), (c, found) -> {
                Responses.noStore(c);
                Responses.json(c, 200, MaxKeyWire.introspection(token.get(), found));
            });
        };
    }

    /** Spring's CheckTokenEndpoint: the {@code token} parameter; an unknown or expired one is 400 invalid_token. */
    Handler<RoutingContext> checkToken() {
        return ctx -> {
            RequestParams params;
            try {
                params = dialect.params(ctx);
            } catch (OAuthException e) {
                springError(ctx, 400, e.error());
                return;
            }
            Optional<String> token = params.first("token");
            if (token.isEmpty()) {
                springError(ctx, 400, OAuthError.invalidRequest("Required parameter 'token' is not present"));
                return;
            }
            lookUp(ctx, params, token.get()).onComplete(done -> {
                if (done.failed()) {
                    OAuthError error = DialectResponder.errorOf(done.cause());
                    springError(ctx, "invalid_client".equals(error.error()) ? 401 : error.status(), error);
                } else if (done.result().isEmpty()) {
                    Responses.noStore(ctx);
                    Responses.json(ctx, 400, MaxKeyWire.checkTokenUnknown());
                } else {
                    Responses.noStore(ctx);
                    Responses.json(ctx, 200, MaxKeyWire.checkToken(done.result().get()));
                }
            });
        };
    }

    private static void springError(RoutingContext ctx, int status, OAuthError error) {
        io.vertx.core.json.JsonObject body = new io.vertx.core.json.JsonObject().put("error", error.error());
        if (error.description() != null) {
            body.put("error_description", error.description());
        }
        Responses.noStore(ctx);
        Responses.json(ctx, status, body);
    }

    private Future<Optional<ActiveToken>> lookUp(RoutingContext ctx, RequestParams params, String token) {
        return caller(ctx, params).compose(caller -> {
            if (!dialect.acceptsTokenShape(token)) {
                // MaxKey refused non-UUID tokens before any lookup; such a token is never one of its own.
                return Future.succeededFuture(Optional.<ActiveToken>empty());
            }
            return validator.accessToken(token).map(found -> found.filter(t -> visible(t, caller)));
        });
    }

    /** The authenticated caller when the request names a client; empty for an anonymous request. */
    private Future<Optional<Client>> caller(RoutingContext ctx, RequestParams params) {
        if (dialect.namesNoClient(ctx, params)) {
            return Future.succeededFuture(Optional.empty());
        }
        return clients.authenticate(ctx, () -> dialect.credentials(ctx, params)).map(Optional::of);
    }


    private boolean visible(ActiveToken token, Optional<Client> caller) {
        if (caller.isPresent()) {
            return caller.get().resourceServer() || caller.get().clientId().equals(token.clientId());
        }
        return directory.find(token.clientId())
                .filter(owner -> dialect.name().equals(owner.dialect()))
                .map(owner -> dialect.optionsFor(owner).openIntrospection())
                .orElse(false);
    }
}
