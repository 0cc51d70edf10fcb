package edu.lanyard.token;

import edu.lanyard.common.client.ClientAuthenticator;
import edu.lanyard.common.client.PresentedCredentials;
import edu.lanyard.common.dialect.Dialect;
import edu.lanyard.common.dialect.DialectResponder;
import edu.lanyard.common.domain.Client;
import edu.lanyard.common.http.OAuthError;
import edu.lanyard.common.http.RequestParams;
import edu.lanyard.common.token.ActiveToken;
import edu.lanyard.common.token.TokenKind;
import edu.lanyard.common.token.TokenValidator;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;

/** RFC 7662. Only authenticated confidential clients may ask; an unknown or dead token is simply inactive. */
public final class IntrospectionEndpoint implements Handler<RoutingContext> {
    private final Dialect dialect;
    private final ClientAuthenticator clients;
    private final TokenValidator validator;
    private final boolean allowUnauthenticated;

    /**
     * @param allowUnauthenticated Ketanyun's documented introspection carries no credentials; only its own mount may
     *                             allow that (docs/products.md decision 5)
     */
    public IntrospectionEndpoint(Dialect dialect, ClientAuthenticator clients, TokenValidator validator,
                                 boolean allowUnauthenticated) {
        this.dialect = dialect;
        this.clients = clients;
        this.validator = validator;
        this.allowUnauthenticated = allowUnauthenticated;
    }

    @Override
    public void handle(RoutingContext ctx) {
        DialectResponder.respond(ctx, dialect, () -> introspect(ctx), dialect::renderIntrospection);
    }

    private Future<Optional<ActiveToken>> introspect(RoutingContext ctx) {
        RequestParams params = FormBodies.read(ctx, dialect);
        PresentedCredentials presented = dialect.credentials(ctx, params);
        if (!(allowUnauthenticated && presented.clientId() == null)) {
            Client caller = clients.authenticate(presented);
            if (caller.isPublic()) {
                throw OAuthError.invalidClient("public clients cannot introspect tokens").toException();
            }
        }
        String token = params.required("token");
        TokenKind hint = FormBodies.tokenTypeHint(params);
        return validator.anyToken(token, hint);
    }
}
