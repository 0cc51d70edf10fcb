package edu.lanyard.authorize;

import edu.lanyard.dialects.http.HttpRequestParams;

import edu.lanyard.authorize.page.LoginProblem;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.error.OAuthException;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.core.session.SessionRecord;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Optional;

/**
 * {@code GET|POST /oauth2/authorize} (RFC 6749 §3.1, OIDC Core §3.1.2): validates the request, then answers at once
 * when the browser has a usable SSO session, or parks the request and shows the login page.
 */
public final class AuthorizeEndpoint implements Handler<RoutingContext> {
    private final SignInFlow flow;
    private final AuthorizationRequestParser parser;
    private final FrontChannelDialect dialect;

    public AuthorizeEndpoint(SignInFlow flow, AuthorizationRequestParser parser, FrontChannelDialect dialect) {
        this.flow = flow;
        this.parser = parser;
        this.dialect = dialect;
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
            flow.fail(ctx, e, null); // an undecodable query string
            return;
        }
        String uiLocales = params.firstOrNull("ui_locales");
        Future<Void> done;
        try {
            AuthorizationRequestParser.Parsed parsed = deliveredAsProductDid(parser.parse(params, dialect.name(),
                    dialect.defaultResponseType()));
            done = flow.currentSession(ctx).compose(session -> decide(ctx, parsed, session));
        } catch (RuntimeException e) {
            done = Future.failedFuture(e);
        }
        done.onFailure(failure -> flow.fail(ctx, failure, uiLocales));
    }

    private Future<Void> decide(RoutingContext ctx, AuthorizationRequestParser.Parsed parsed,
                                Optional<SessionRecord> session) {
        AuthorizationRequest request = parsed.request();
        boolean usable = session.isPresent() && !request.hasPrompt("login") && freshEnough(request, session.get());
        if (usable) {
            return flow.proceed(ctx, parsed.client(), request, session.get(), false);
        }
        if (request.hasPrompt("none")) {
            return flow.redirect(ctx, AuthorizationResponder.error(request,
                    new OAuthError("login_required", "the user is not signed in", 400)), false);
        }
        return flow.park(request).compose(rid -> flow.showLogin(ctx, parsed.client(), request, rid,
                (LoginProblem) null, null));
    }

    /** A product that put implicit tokens elsewhere than the fragment keeps doing so for its apps. */
    private AuthorizationRequestParser.Parsed deliveredAsProductDid(AuthorizationRequestParser.Parsed parsed) {
        AuthorizationRequest r = parsed.request();
        String mode = dialect.implicitResponseMode(parsed.client());
        if (mode == null || !r.wantsAccessToken() || !"fragment".equals(r.responseMode())) {
            return parsed;
        }
        return new AuthorizationRequestParser.Parsed(parsed.client(), new AuthorizationRequest(r.clientId(),
                r.redirectUri(), r.redirectUriGiven(), r.responseType(), mode, r.scope(), r.state(), r.nonce(),
                r.codeChallenge(), r.codeChallengeMethod(), r.prompt(), r.maxAge(), r.loginHint(), r.uiLocales(),
                r.dialect()));
    }

    /** OIDC Core §3.1.2.1: re-authenticate once max_age has passed; max_age=0 is prompt=login. */
    private boolean freshEnough(AuthorizationRequest request, SessionRecord session) {
        if (request.maxAge() == null) {
            return true;
        }
        if (request.maxAge() == 0) {
            return false;
        }
        long age = flow.platform.clock().instant().getEpochSecond() - session.authTime();
        return age <= request.maxAge();
    }
}
