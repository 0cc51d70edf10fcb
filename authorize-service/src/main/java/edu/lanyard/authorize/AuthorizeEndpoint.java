package edu.lanyard.authorize;

import edu.lanyard.authorize.pipeline.AuthorizationState;
import edu.lanyard.authorize.page.ErrorKind;
import edu.lanyard.authorize.pipeline.Pipeline;
import edu.lanyard.authorize.pipeline.StepResult;
import edu.lanyard.core.error.OAuthException;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.dialects.http.EdgeErrors;
import edu.lanyard.dialects.http.HttpRequestParams;
import edu.lanyard.dialects.http.Responses;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code GET|POST /oauth2/authorize} (RFC 6749 §3.1, OIDC Core §3.1.2) and each product dialect's authorize path:
 * runs the endpoint's pipeline of steps ({@link edu.lanyard.authorize.pipeline.AuthorizationSteps}) over the
 * request and writes what it decided.
 */
public final class AuthorizeEndpoint implements Handler<RoutingContext> {
    private final Pipeline pipeline;
    private final SessionCookie cookie;
    private final AuthorizationOutcomes outcomes;
    private final FrontChannelDialect dialect;
    private final Function<String, String> loginRedirect;

    public AuthorizeEndpoint(Pipeline pipeline, SessionCookie cookie, AuthorizationOutcomes outcomes) {
        this(pipeline, cookie, outcomes, FrontChannelDialect.STANDARD, null);
    }

    /**
     * @param loginRedirect for a product that signed in at its own login path (CAS): from the request's query
     *                      string to where the browser goes instead of the login page; null for the login page
     */
    public AuthorizeEndpoint(Pipeline pipeline, SessionCookie cookie, AuthorizationOutcomes outcomes,
                             FrontChannelDialect dialect, Function<String, String> loginRedirect) {
        this.pipeline = pipeline;
        this.cookie = cookie;
        this.outcomes = outcomes;
        this.dialect = dialect;
        this.loginRedirect = loginRedirect;
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
                .compose(result -> {
                    if (answeredInJson(ctx, params, result)) {
                        return Future.<Void>succeededFuture();
                    }
                    if (result instanceof StepResult.NeedLogin && loginRedirect != null) {
                        // The request is checked (and parked); CAS's login page resumes it from the service URL.
                        return outcomes.sendRedirect(ctx, 302, loginRedirect.apply(ctx.request().query()), uiLocales);
                    }
                    return outcomes.send(ctx, result, pipeline.redirectStatus(), uiLocales);
                })
                .onFailure(failure -> outcomes.fail(ctx, failure, uiLocales));
    }

    /** A product that answered "no usable redirect" in JSON (the PHP SSO) gets its 400 JSON, not our page. */
    private boolean answeredInJson(RoutingContext ctx, RequestParams params, StepResult result) {
        if (!(result instanceof StepResult.ShowErrorPage page)) {
            return false;
        }
        boolean clientKnown = page.kind() != ErrorKind.UNKNOWN_CLIENT && params.has("client_id");
        Optional<JsonObject> body = dialect.errorWithoutRedirect(params, clientKnown);
        body.ifPresent(json -> {
            Responses.noStore(ctx);
            Responses.json(ctx, 400, json);
        });
        return body.isPresent();
    }
}
