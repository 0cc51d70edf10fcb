package edu.lanyard.token;

import edu.lanyard.core.domain.Client;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.core.token.TokenKind;
import edu.lanyard.core.token.TokenRevoker;
import edu.lanyard.core.token.TokenValidator;
import edu.lanyard.dialects.Dialect;
import edu.lanyard.dialects.DialectResponder;
import edu.lanyard.dialects.http.Responses;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * RFC 7009. An unknown, expired or already revoked token answers 200 like a revoked one (§2.2), so the endpoint
 * cannot be used to probe for tokens. A client may only revoke its own tokens.
 */
public final class RevocationEndpoint implements Handler<RoutingContext> {
    private final Dialect dialect;
    private final GuardedClientAuthentication clients;
    private final TokenValidator validator;
    private final TokenRevoker revoker;

    RevocationEndpoint(Dialect dialect, GuardedClientAuthentication clients, TokenValidator validator,
                       TokenRevoker revoker) {
        this.dialect = dialect;
        this.clients = clients;
        this.validator = validator;
        this.revoker = revoker;
    }

    @Override
    public void handle(RoutingContext ctx) {
        DialectResponder.respond(ctx, dialect, () -> revoke(ctx), (c, done) -> {
            Responses.noStore(c);
            c.response().setStatusCode(200).end();
        });
    }

    private Future<Void> revoke(RoutingContext ctx) {
        RequestParams params = FormBodies.read(ctx, dialect);
        return clients.authenticate(ctx, () -> dialect.credentials(ctx, params))
                .compose(client -> revoke(ctx, params, client));
    }

    private Future<Void> revoke(RoutingContext ctx, RequestParams params, Client client) {
        String token = params.required("token");
        TokenKind hint = FormBodies.tokenTypeHint(params);
        return validator.anyToken(token, hint).compose(found -> {
            if (found.isEmpty()) {
                return Future.succeededFuture();
            }
            if (!found.get().clientId().equals(client.clientId())) {
                return Future.failedFuture(OAuthError.unauthorizedClient(
                        "the token was not issued to this client").toException());
            }
            return revoker.revoke(found.get(), "client_revocation", Responses.clientIp(ctx));
        });
    }
}
