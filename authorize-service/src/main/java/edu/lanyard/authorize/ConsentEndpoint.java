package edu.lanyard.authorize;

import edu.lanyard.authorize.page.ErrorKind;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.error.OAuthError;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;

/** {@code POST /oauth2/consent}: the user's decision; approval is remembered per user and client. */
public final class ConsentEndpoint implements Handler<RoutingContext> {
    private final SignInFlow flow;

    public ConsentEndpoint(SignInFlow flow) {
        this.flow = flow;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String rid = ctx.request().getFormAttribute("rid");
        Future.all(flow.parked(rid), flow.currentSession(ctx)).compose(both -> {
            Optional<AuthorizationRequest> parked = both.resultAt(0);
            Optional<edu.lanyard.core.session.SessionRecord> session = both.resultAt(1);
            if (parked.isEmpty() || session.isEmpty() || !flow.csrf.verify(ctx, rid)) {
                flow.showError(ctx, ErrorKind.REQUEST_EXPIRED, "invalid_request",
                        "this consent request has expired; go back to the application and start again", null);
                return Future.succeededFuture();
            }
            AuthorizationRequest request = parked.get();
            Optional<Client> client = flow.platform.clients().find(request.clientId());
            if (client.isEmpty()) {
                flow.showError(ctx, ErrorKind.UNKNOWN_CLIENT, "invalid_client", "unknown client", null);
                return Future.succeededFuture();
            }
            return flow.forget(rid).compose(v -> {
                if (!"approve".equals(ctx.request().getFormAttribute("decision"))) {
                    return flow.redirect(ctx, AuthorizationResponder.error(request,
                            OAuthError.accessDenied("the user denied the request")), true);
                }
                return flow.recordConsent(ctx, session.get(), request)
                        .compose(recorded -> flow.respond(ctx, client.get(), request, session.get(), true));
            });
        }).onFailure(failure -> flow.fail(ctx, failure, null));
    }
}
