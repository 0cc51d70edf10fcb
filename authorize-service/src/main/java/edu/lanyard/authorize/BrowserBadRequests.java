package edu.lanyard.authorize;

import edu.lanyard.authorize.page.ErrorKind;
import edu.lanyard.authorize.page.ErrorPage;
import edu.lanyard.authorize.page.HtmlResponse;
import edu.lanyard.authorize.page.PageContext;
import edu.lanyard.authorize.page.SecurityHeaders;
import edu.lanyard.core.error.MalformedRequestException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * The failure handler of the pages a browser opens (authorize, login, consent, logout): a request that could not be
 * read (malformed query or form, a body too large) gets Lanyard's error page, as every other bad browser request
 * does, instead of the JSON an API client gets. Anything else goes on to the server's failure handler.
 */
final class BrowserBadRequests implements Handler<RoutingContext> {
    private final SignInFlow flow;

    BrowserBadRequests(SignInFlow flow) {
        this.flow = flow;
    }

    @Override
    public void handle(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (status < 400 || status >= 500 || ctx.response().ended()) {
            ctx.next();
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
