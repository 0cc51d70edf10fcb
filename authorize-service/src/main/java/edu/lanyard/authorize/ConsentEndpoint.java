package edu.lanyard.authorize;

import edu.lanyard.authorize.page.ErrorKind;
import edu.lanyard.authorize.pipeline.AuthorizationState;
import edu.lanyard.authorize.pipeline.Pipeline;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.core.session.SessionRecord;
import edu.lanyard.dialects.http.HttpRequestParams;
import edu.lanyard.dialects.http.Responses;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Optional;

/**
 * {@code POST /oauth2/consent}: takes up the parked request the form names, for the session that was asked, and runs
 * the resume-after-consent pipeline (the decision, then the answer).
 */
public final class ConsentEndpoint implements Handler<RoutingContext> {
    private final SignInFlow flow;
    private final Pipeline afterConsent;

    public ConsentEndpoint(SignInFlow flow) {
        this.flow = flow;
        this.afterConsent = flow.steps().afterConsent();
    }

    @Override
    public void handle(RoutingContext ctx) {
        String rid = ctx.request().getFormAttribute("rid");
        Future.all(flow.pending().parked(rid), flow.currentSession(ctx)).compose(both -> {
            Optional<AuthorizationRequest> parked = both.resultAt(0);
            Optional<SessionRecord> session = both.resultAt(1);
            if (parked.isEmpty() || session.isEmpty() || !flow.csrf().verify(ctx, rid)) {
                flow.pages().showError(ctx, ErrorKind.REQUEST_EXPIRED, "invalid_request",
                        "this consent request has expired; go back to the application and start again", null);
                return Future.succeededFuture();
            }
            AuthorizationRequest request = parked.get();
            Optional<Client> client = flow.platform().clients().findEnabled(request.clientId());
            if (client.isEmpty()) {
                flow.pages().showError(ctx, ErrorKind.UNKNOWN_CLIENT, "invalid_client", "unknown client", null);
                return Future.succeededFuture();
            }
            AuthorizationState resumed = AuthorizationState.resumed(
                    HttpRequestParams.from(ctx, List.of(RequestParams.Source.FORM)), Responses.clientIp(ctx),
                    client.get(), request, session.get());
            return flow.pending().forget(rid)
                    .compose(forgotten -> afterConsent.run(resumed))
                    .compose(result -> flow.outcomes().send(ctx, result, afterConsent.redirectStatus(), null));
        }).onFailure(failure -> flow.outcomes().fail(ctx, failure, null));
    }
}
