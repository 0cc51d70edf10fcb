package edu.lanyard.authorize;

import edu.lanyard.authorize.pipeline.AuthorizationState;
import edu.lanyard.authorize.pipeline.Pipeline;
import edu.lanyard.core.error.OAuthException;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.dialects.http.EdgeErrors;
import edu.lanyard.dialects.http.HttpRequestParams;
import edu.lanyard.dialects.http.Responses;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * {@code GET|POST /oauth2/authorize} (RFC 6749 §3.1, OIDC Core §3.1.2) and each product dialect's authorize path:
 * runs the endpoint's pipeline of steps ({@link edu.lanyard.authorize.pipeline.AuthorizationSteps}) over the
 * request and writes what it decided.
 */
public final class AuthorizeEndpoint implements Handler<RoutingContext> {
    private final Pipeline pipeline;
    private final SessionCookie cookie;
    private final AuthorizationOutcomes outcomes;

    public AuthorizeEndpoint(Pipeline pipeline, SessionCookie cookie, AuthorizationOutcomes outcomes) {
        this.pipeline = pipeline;
        this.cookie = cookie;
        this.outcomes = outcomes;
    }

    @Override
    public void handle(RoutingContext ctx) {
        List<RequestParams.Source> sources = ctx.request().method() == HttpMethod.POST
                ? List.of(RequestParams.Source.QUERY, RequestParams.Source.FORM)
                : List.of(RequestParams.Source.QUERY);
        RequestParams params;
        try {
            params = HttpRequestParams.from(ctx, sources);
        } catch (OAuthException e) {
            outcomes.fail(ctx, e, null); // an undecodable query string
            return;
        }
        String uiLocales = params.firstOrNull("ui_locales");
        AuthorizationState received = AuthorizationState.received(params, cookie.read(ctx), Responses.clientIp(ctx));
        pipeline.run(received)
                .compose(result -> outcomes.send(ctx, result, pipeline.redirectStatus(), uiLocales))
                .onFailure(failure -> outcomes.fail(ctx, failure, uiLocales));
    }
}
