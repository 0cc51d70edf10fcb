package edu.lanyard.authorize;

import edu.lanyard.authorize.page.ErrorKind;
import edu.lanyard.authorize.page.LoginProblem;
import edu.lanyard.authorize.pipeline.AuthorizationState;
import edu.lanyard.authorize.pipeline.Pipeline;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.domain.User;
import edu.lanyard.core.event.SessionStarted;
import edu.lanyard.core.ledger.Ledger;
import edu.lanyard.core.metrics.SignInMeters;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.core.runtime.Platform;
import edu.lanyard.core.session.SessionRecord;
import edu.lanyard.core.token.TokenFormat;
import edu.lanyard.core.token.TokenHash;
import edu.lanyard.core.token.TokenKind;
import edu.lanyard.core.user.SignInOutcome;
import edu.lanyard.dialects.http.EdgeErrors;
import edu.lanyard.dialects.http.Responses;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code POST /oauth2/login}: checks the form (CSRF, throttle, password off the event loop), starts the SSO session
 * and runs the resume-after-login pipeline over the parked authorization request.
 */
public final class LoginEndpoint implements Handler<RoutingContext> {
    private final SignInFlow flow;
    private final Platform platform;
    private final Pipeline afterLogin;

    public LoginEndpoint(SignInFlow flow) {
        this.flow = flow;
        this.platform = flow.platform();
        this.afterLogin = flow.steps().afterLogin();
    }

    @Override
    public void handle(RoutingContext ctx) {
        String rid = ctx.request().getFormAttribute("rid");
        flow.pending().parked(rid).compose(parked -> {
            if (parked.isEmpty()) {
                flow.pages().showError(ctx, ErrorKind.REQUEST_EXPIRED, "invalid_request",
                        "this sign-in request has expired; go back to the application and start again", null);
                return Future.succeededFuture();
            }
            AuthorizationRequest request = parked.get();
            Optional<Client> client = platform.clients().findEnabled(request.clientId());
            if (client.isEmpty()) {
                flow.pages().showError(ctx, ErrorKind.UNKNOWN_CLIENT, "invalid_client", "unknown client", null);
                return Future.succeededFuture();
            }
            return signIn(ctx, client.get(), request, rid);
        }).onFailure(failure -> flow.outcomes().fail(ctx, failure, null));
    }

    private Future<Void> signIn(RoutingContext ctx, Client client, AuthorizationRequest request, String rid) {
        String username = trimmed(ctx.request().getFormAttribute("username"));
        String password = ctx.request().getFormAttribute("password");
        SignInPages pages = flow.pages();
        if (!flow.csrf().verify(ctx, rid)) {
            return pages.showLogin(ctx, client, request, rid, LoginProblem.FORM_EXPIRED, username);
        }
        if (username == null || password == null || password.isEmpty()) {
            return pages.showLogin(ctx, client, request, rid, LoginProblem.MISSING_FIELDS, username);
        }
        String ip = Responses.clientIp(ctx);
        return platform.signIn().attempt(SignInMeters.Via.LOGIN_PAGE, username, password, ip, client.clientId())
                .compose(outcome -> {
                    if (outcome instanceof SignInOutcome.SignedIn signedIn) {
                        return new SessionEstablisher(flow).establish(ctx, signedIn.user(), client.clientId(), ip)
                                .compose(session -> flow.pending().forget(rid).map(session))
                                .compose(session -> resume(ctx, client, request, session));
                    }
                    if (outcome instanceof SignInOutcome.Locked locked) {
                        Duration remaining = Duration.between(platform.clock().instant(), locked.until());
                        return pages.showLogin(ctx, client, request, rid, LoginProblem.ACCOUNT_LOCKED, username,
                                remaining);
                    }
                    return pages.showLogin(ctx, client, request, rid, problem(outcome), username);
                });
    }

    private static LoginProblem problem(SignInOutcome refusal) {
        if (refusal instanceof SignInOutcome.Disabled) {
            return LoginProblem.ACCOUNT_DISABLED;
        }
        if (refusal instanceof SignInOutcome.AccountExpired) {
            return LoginProblem.ACCOUNT_EXPIRED;
        }
        if (refusal instanceof SignInOutcome.PasswordChangeRequired) {
            return LoginProblem.PASSWORD_EXPIRED;
        }
        return LoginProblem.INVALID_CREDENTIALS;
    }

    /** The request was checked when it arrived; what is left is consent and the answer. */
    private Future<Void> resume(RoutingContext ctx, Client client, AuthorizationRequest request,
                                SessionRecord session) {
        // The login form's fields (the password among them) are not the request's parameters.
        AuthorizationState resumed = AuthorizationState.resumed(RequestParams.of(Map.of()), Responses.clientIp(ctx),
                client, request, session);
        return afterLogin.run(resumed)
                .compose(result -> flow.outcomes().send(ctx, result, afterLogin.redirectStatus(), null));
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
