package edu.lanyard.token;

import edu.lanyard.core.client.ClientLookup;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.core.token.ActiveToken;
import edu.lanyard.core.token.TokenKind;
import edu.lanyard.core.token.TokenValidator;
import edu.lanyard.dialects.Dialect;
import edu.lanyard.dialects.DialectResponder;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;

/**
 * RFC 7662. Only authenticated confidential clients may ask, and each learns only about what it may see (RFC 7662
 * §4: the server decides which tokens a caller may introspect): a client its own tokens, a client imported as a
 * resource server every token. Anything else, like an unknown or dead token, is simply inactive, so the answer does
 * not even tell that the token exists.
 */
public final class IntrospectionEndpoint implements Handler<RoutingContext> {
    private final Dialect dialect;
    private final GuardedClientAuthentication clients;
    private final ClientLookup directory;
    private final TokenValidator validator;
    private final boolean allowUnauthenticated;

    /**
     * @param allowUnauthenticated Ketanyun's documented introspection carries no credentials; only its own mount may
     *                             allow that, and it then answers only for tokens of clients imported for its dialect
     */
    IntrospectionEndpoint(Dialect dialect, GuardedClientAuthentication clients, ClientLookup directory,
                          TokenValidator validator, boolean allowUnauthenticated) {
        this.dialect = dialect;
        this.clients = clients;
        this.directory = directory;
        this.validator = validator;
        this.allowUnauthenticated = allowUnauthenticated;
    }

    @Override
    public void handle(RoutingContext ctx) {
        DialectResponder.respond(ctx, dialect, () -> introspect(ctx), dialect::renderIntrospection);
    }

    private Future<Optional<ActiveToken>> introspect(RoutingContext ctx) {
        RequestParams params = FormBodies.read(ctx, dialect);
        return caller(ctx, params).compose(caller -> {
            String token = params.required("token");
            TokenKind hint = FormBodies.tokenTypeHint(params);
            return validator.anyToken(token, hint).map(found -> found.filter(t -> visible(t, caller)));
        });
    }

    /** The authenticated caller, or empty for an anonymous call where this mount allows one. */
    private Future<Optional<Client>> caller(RoutingContext ctx, RequestParams params) {
        if (allowUnauthenticated && dialect.namesNoClient(ctx, params)) {
            return Future.succeededFuture(Optional.empty());
        }
        return clients.authenticate(ctx, () -> dialect.credentials(ctx, params)).map(caller -> {
            if (caller.isPublic()) {
                throw OAuthError.invalidClient("public clients cannot introspect tokens").toException();
            }
            dialect.introspectionScope(caller).filter(scope -> !caller.scopes().contains(scope)).ifPresent(scope -> {
                throw OAuthError.unauthorizedClient("this client may not introspect tokens: it is not registered"
                        + " with the " + scope + " scope").toException();
            });
            return Optional.of(caller);
        });
    }


    private boolean visible(ActiveToken token, Optional<Client> caller) {
        if (caller.isPresent()) {
            return caller.get().resourceServer() || caller.get().clientId().equals(token.clientId());
        }
        return directory.find(token.clientId()).map(owner -> dialect.name().equals(owner.dialect())).orElse(false);
    }
}
