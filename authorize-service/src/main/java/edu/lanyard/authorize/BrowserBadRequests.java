package edu.lanyard.authorize;

import edu.lanyard.authorize.page.ErrorKind;
import edu.lanyard.authorize.page.ErrorPage;
import edu.lanyard.authorize.page.HtmlResponse;
import edu.lanyard.authorize.page.PageContext;
import edu.lanyard.authorize.page.SecurityHeaders;
import edu.lanyard.core.error.MalformedRequestException;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.dialects.http.Responses;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;
import java.util.Optional;

/**
 * The failure handler of the pages a browser opens (authorize, login, consent, logout): a request that could not be
 * read (malformed query or form, a body too large) gets Lanyard's error page, as every other bad browser request
 * does, instead of the JSON an API client gets. Anything else goes on to the server's failure handler.
 */
final class BrowserBadRequests implements Handler<RoutingContext> {
    private final SignInFlow flow;
    private final FrontChannelDialect dialect;

    BrowserBadRequests(SignInFlow flow) {
        this(flow, null);
    }

    private BrowserBadRequests(SignInFlow flow, FrontChannelDialect dialect) {
        this.flow = flow;
        this.dialect = dialect;
    }

    /**
     * For a product's authorize and logout endpoints: a product that answered "no usable redirect" in JSON (the PHP
     * SSO, E.1 and E.4) answers an unreadable request so too, since nothing in it can be redirected to.
     */
    BrowserBadRequests answeringLike(FrontChannelDialect product) {
        return new BrowserBadRequests(flow, product);
    }

    @Override
    public void handle(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (status < 400 || status >= 500 || ctx.response().ended()) {
            ctx.next();
            return;
        }
        Optional<JsonObject> json = dialect == null ? Optional.empty()
                : dialect.errorWithoutRedirect(RequestParams.of(Map.of()), true);
        if (json.isPresent()) {
            Responses.noStore(ctx);
            Responses.json(ctx, status, json.get());
            return;
        }
        String detail = ctx.failure() instanceof MalformedRequestException malformed ? malformed.getMessage()
                : status == 413 ? "the request body is too large" : "the request could not be read";
        SecurityHeaders.applyWhenSent(ctx);
        String html = new ErrorPage(PageContext.of(ctx, null), ErrorKind.BAD_REQUEST, "invalid_request", detail)
                .render(flow.pages().renderer());
        HtmlResponse.send(ctx, status, html);
    }
}
