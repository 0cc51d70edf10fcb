package edu.lanyard.authorize;

import edu.lanyard.authorize.page.ErrorKind;
import edu.lanyard.authorize.page.HtmlResponse;
import edu.lanyard.authorize.page.SecurityHeaders;
import edu.lanyard.authorize.pipeline.StepResult;
import edu.lanyard.authorize.responsemode.FrontChannelReply;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.error.OAuthException;
import edu.lanyard.core.logging.LogRedactor;
import edu.lanyard.dialects.http.EdgeErrors;
import edu.lanyard.dialects.http.Redirects;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes what an authorization pipeline decided to the browser, and ends a failed sign-in request safely. */
public final class AuthorizationOutcomes {
    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationOutcomes.class);

    private final SignInPages pages;

    public AuthorizationOutcomes(SignInPages pages) {
        this.pages = pages;
    }

    /**
     * @param redirectStatus 302, or 303 when answering one of Lanyard's forms
     * @param uiLocales      the request's ui_locales, for an error page
     */
    public Future<Void> send(RoutingContext ctx, StepResult result, int redirectStatus, String uiLocales) {
        if (result instanceof StepResult.ShowErrorPage page) {
            pages.showError(ctx, page.kind(), page.errorCode(), page.detail(), uiLocales);
            return Future.succeededFuture();
        }
        if (result instanceof StepResult.RedirectError error) {
            return deliver(ctx, error.response().reply(), redirectStatus);
        }
        if (result instanceof StepResult.NeedLogin login) {
            return pages.showLogin(ctx, login.client(), login.request(), login.rid(), null, null);
        }
        if (result instanceof StepResult.NeedConsent consent) {
            return pages.showConsent(ctx, consent.client(), consent.request(), consent.rid(), consent.session());
        }
        if (result instanceof StepResult.Respond respond) {
            return deliver(ctx, respond.response().reply(), redirectStatus);
        }
        return Future.failedFuture(new IllegalStateException("a pipeline answered " + result.getClass()));
    }

    private Future<Void> deliver(RoutingContext ctx, FrontChannelReply reply, int redirectStatus) {
        if (reply instanceof FrontChannelReply.AutoPostForm form) {
            SecurityHeaders.allowFormRedirectTo(ctx, form.action());
            SecurityHeaders.allowInlineScript(ctx, FrontChannelReply.AutoPostForm.SCRIPT_SHA256);
            return HtmlResponse.send(ctx, form.html());
        }
        return sendRedirect(ctx, redirectStatus, ((FrontChannelReply.Redirect) reply).location(), null);
    }

    /**
     * Every redirect of the sign-in and logout endpoints goes through here: a target that is not safe in a header
     * (the endpoints refuse those earlier; this is the last line) gets the error page instead, nothing half-written.
     */
    public Future<Void> sendRedirect(RoutingContext ctx, int status, String location, String uiLocales) {
        try {
            return Redirects.send(ctx.response(), status, location);
        } catch (Redirects.UnsafeLocation e) {
            pages.showError(ctx, ErrorKind.INVALID_REDIRECT_URI, "invalid_request",
                    "the redirect target contains a control character or whitespace", uiLocales);
            return Future.succeededFuture();
        }
    }

    /** Ends a request that failed rather than decided: our error page, since nothing says the client is trusted. */
    public void fail(RoutingContext ctx, Throwable failure, String uiLocales) {
        if (ctx.response().ended()) {
            return;
        }
        if (failure instanceof AuthorizationResponder.UnsafeRedirectUri) {
            pages.showError(ctx, ErrorKind.INVALID_REDIRECT_URI, "invalid_request",
                    "redirect_uri contains a control character or whitespace", uiLocales);
            return;
        }
        OAuthError error = EdgeErrors.of(failure);
        if (!(failure instanceof OAuthException)) {
            LOG.error("sign-in failed", LogRedactor.scrub(failure));
        }
        ErrorKind kind = error.status() == 503 ? ErrorKind.TEMPORARILY_UNAVAILABLE
                : error.status() < 500 ? ErrorKind.BAD_REQUEST : ErrorKind.SERVER_ERROR;
        pages.showError(ctx, kind, error.error(), error.description(), uiLocales);
    }
}
