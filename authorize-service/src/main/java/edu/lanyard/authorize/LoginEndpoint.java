package edu.lanyard.authorize;

import edu.lanyard.authorize.page.ErrorKind;
import edu.lanyard.authorize.page.LoginProblem;
import edu.lanyard.authorize.pipeline.AuthorizationState;
import edu.lanyard.authorize.pipeline.Pipeline;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.domain.User;
import edu.lanyard.core.error.OAuthException;
import edu.lanyard.core.event.SessionStarted;
import edu.lanyard.core.ledger.Ledger;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.core.runtime.Platform;
import edu.lanyard.core.session.SessionRecord;
import edu.lanyard.core.token.TokenFormat;
import edu.lanyard.core.token.TokenHash;
import edu.lanyard.core.token.TokenKind;
import edu.lanyard.dialects.http.EdgeErrors;
import edu.lanyard.dialects.http.Responses;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

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
            Optional<Client> client = platform.clients().find(request.clientId());
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
        return platform.loginThrottle().checkAllowed(username, ip)
                .compose(allowed -> platform.users().byUsername(username)
                        .compose(user -> platform.passwords().verify(user.orElse(null), password)
                                .compose(ok -> ok && user.isPresent()
                                        ? platform.loginThrottle().recordSuccess(username)
                                        .compose(v -> establishSession(ctx, user.get(), client, ip))
                                        .compose(session -> flow.pending().forget(rid).map(session))
                                        .compose(session -> resume(ctx, client, request, session))
                                        : platform.loginThrottle().recordFailure(username, ip, client.clientId())
                                        .compose(v -> pages.showLogin(ctx, client, request, rid,
                                                LoginProblem.INVALID_CREDENTIALS, username)))),
                        locked -> locked instanceof OAuthException
                                ? pages.showLogin(ctx, client, request, rid, LoginProblem.ACCOUNT_LOCKED, username)
                                : Future.failedFuture(locked));
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

    /**
     * Signing in again as the session's own user (prompt=login, max_age) renews that session, so it keeps its sid
     * and logout still reaches the tokens issued before; signing in as someone else ends the other user's session
     * first, as a logout would.
     */
    private Future<SessionRecord> establishSession(RoutingContext ctx, User user, Client client, String ip) {
        Optional<String> cookieHash = flow.cookie().read(ctx).map(TokenHash::of);
        return flow.currentSession(ctx).compose(current -> {
            if (current.isPresent() && current.get().subject().equals(user.subject())) {
                return renewSession(cookieHash.orElseThrow(), current.get(), client, ip);
            }
            Future<Void> previousEnded = cookieHash.isPresent()
                    ? flow.terminator().end(cookieHash.get(), "replaced", ip)
                    : Future.succeededFuture();
            return previousEnded.compose(v -> startSession(ctx, user, client, ip));
        });
    }

    private Future<SessionRecord> startSession(RoutingContext ctx, User user, Client client, String ip) {
        long now = platform.clock().instant().getEpochSecond();
        String cookieValue = new TokenFormat.Opaque256().mint(TokenKind.ACCESS_TOKEN);
        SessionRecord session = new SessionRecord(UUID.randomUUID().toString(), user.subject(), user.username(),
                now, now + platform.config().login().sessionMaxSeconds());
        String cookieHash = TokenHash.of(cookieValue);
        return store(cookieHash, session, client, ip, () -> flow.sessions().remove(cookieHash)).map(v -> {
            flow.cookie().set(ctx, cookieValue);
            return session;
        });
    }

    private Future<SessionRecord> renewSession(String cookieHash, SessionRecord current, Client client, String ip) {
        long now = platform.clock().instant().getEpochSecond();
        SessionRecord renewed = new SessionRecord(current.sid(), current.subject(), current.username(), now,
                current.absoluteExpiresAt());
        long idle = platform.config().login().sessionIdleSeconds();
        return store(cookieHash, renewed, client, ip, () -> flow.sessions().save(cookieHash, current, idle))
                .map(renewed);
    }

    /**
     * Saves the session and logs it, a grant in the Ledger: the cookie is set only once both are done, and in mode
     * KAFKA a failed log undoes the save. A renewal logs SessionStarted again, same hash, new auth_time; undoing it
     * puts the session back as it was.
     */
    private Future<Void> store(String cookieHash, SessionRecord session, Client client, String ip,
                               Supplier<Future<?>> undo) {
        long idle = platform.config().login().sessionIdleSeconds();
        return platform.ledger().grant(Ledger.by(ip, meta -> new SessionStarted(meta, cookieHash,
                        session.subject(), session.username(), client.clientId(), session.authTime(),
                        session.authTime() + idle, session.absoluteExpiresAt(), session.sid())),
                () -> flow.sessions().save(cookieHash, session, idle), undo);
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
