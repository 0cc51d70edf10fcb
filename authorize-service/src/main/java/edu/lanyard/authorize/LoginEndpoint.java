package edu.lanyard.authorize;

import edu.lanyard.authorize.page.ErrorKind;
import edu.lanyard.authorize.page.LoginProblem;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.domain.User;
import edu.lanyard.core.event.SessionStarted;
import edu.lanyard.core.error.OAuthException;
import edu.lanyard.core.ledger.Ledger;
import edu.lanyard.dialects.http.Responses;
import edu.lanyard.core.session.SessionRecord;
import edu.lanyard.core.token.TokenFormat;
import edu.lanyard.core.token.TokenHash;
import edu.lanyard.core.token.TokenKind;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code POST /oauth2/login}: checks the form (CSRF, throttle, password off the event loop), starts the SSO session
 * and resumes the parked authorization request.
 */
public final class LoginEndpoint implements Handler<RoutingContext> {
    private final SignInFlow flow;

    public LoginEndpoint(SignInFlow flow) {
        this.flow = flow;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String rid = ctx.request().getFormAttribute("rid");
        flow.parked(rid).compose(parked -> {
            if (parked.isEmpty()) {
                flow.showError(ctx, ErrorKind.REQUEST_EXPIRED, "invalid_request",
                        "this sign-in request has expired; go back to the application and start again", null);
                return Future.succeededFuture();
            }
            AuthorizationRequest request = parked.get();
            Optional<Client> client = flow.platform.clients().find(request.clientId());
            if (client.isEmpty()) {
                flow.showError(ctx, ErrorKind.UNKNOWN_CLIENT, "invalid_client", "unknown client", null);
                return Future.succeededFuture();
            }
            return signIn(ctx, client.get(), request, rid);
        }).onFailure(failure -> flow.fail(ctx, failure, null));
    }

    private Future<Void> signIn(RoutingContext ctx, Client client, AuthorizationRequest request, String rid) {
        String username = trimmed(ctx.request().getFormAttribute("username"));
        String password = ctx.request().getFormAttribute("password");
        if (!flow.csrf.verify(ctx, rid)) {
            return flow.showLogin(ctx, client, request, rid, LoginProblem.FORM_EXPIRED, username);
        }
        if (username == null || password == null || password.isEmpty()) {
            return flow.showLogin(ctx, client, request, rid, LoginProblem.MISSING_FIELDS, username);
        }
        String ip = Responses.clientIp(ctx);
        var platform = flow.platform;
        return platform.loginThrottle().checkAllowed(username, ip)
                .compose(allowed -> platform.users().byUsername(username)
                        .compose(user -> platform.passwords().verify(user.orElse(null), password)
                                .compose(ok -> ok && user.isPresent()
                                        ? platform.loginThrottle().recordSuccess(username)
                                        .compose(v -> establishSession(ctx, user.get(), client, ip))
                                        .compose(session -> flow.forget(rid).map(session))
                                        .compose(session -> flow.proceed(ctx, client, request, session, true))
                                        : platform.loginThrottle().recordFailure(username, ip, client.clientId())
                                        .compose(v -> flow.showLogin(ctx, client, request, rid,
                                                LoginProblem.INVALID_CREDENTIALS, username)))),
                        locked -> locked instanceof OAuthException
                                ? flow.showLogin(ctx, client, request, rid, LoginProblem.ACCOUNT_LOCKED, username)
                                : Future.failedFuture(locked));
    }

    /**
     * Signing in again as the session's own user (prompt=login, max_age) renews that session, so it keeps its sid
     * and logout still reaches the tokens issued before; signing in as someone else ends the other user's session
     * first, as a logout would.
     */
    private Future<SessionRecord> establishSession(RoutingContext ctx, User user, Client client, String ip) {
        Optional<String> cookieHash = flow.cookie.read(ctx).map(TokenHash::of);
        return flow.currentSession(ctx).compose(current -> {
            if (current.isPresent() && current.get().subject().equals(user.subject())) {
                return renewSession(cookieHash.orElseThrow(), current.get(), client, ip);
            }
            Future<Void> previousEnded = cookieHash.isPresent()
                    ? flow.terminator.end(cookieHash.get(), "replaced", ip)
                    : Future.succeededFuture();
            return previousEnded.compose(v -> startSession(ctx, user, client, ip));
        });
    }

    private Future<SessionRecord> startSession(RoutingContext ctx, User user, Client client, String ip) {
        long now = flow.platform.clock().instant().getEpochSecond();
        String cookieValue = new TokenFormat.Opaque256().mint(TokenKind.ACCESS_TOKEN);
        SessionRecord session = new SessionRecord(UUID.randomUUID().toString(), user.subject(), user.username(),
                now, now + flow.platform.config().login().sessionMaxSeconds());
        String cookieHash = TokenHash.of(cookieValue);
        return store(cookieHash, session, client, ip, () -> flow.sessions.remove(cookieHash)).map(v -> {
            flow.cookie.set(ctx, cookieValue);
            return session;
        });
    }

    private Future<SessionRecord> renewSession(String cookieHash, SessionRecord current, Client client, String ip) {
        long now = flow.platform.clock().instant().getEpochSecond();
        SessionRecord renewed = new SessionRecord(current.sid(), current.subject(), current.username(), now,
                current.absoluteExpiresAt());
        long idle = flow.platform.config().login().sessionIdleSeconds();
        return store(cookieHash, renewed, client, ip, () -> flow.sessions.save(cookieHash, current, idle))
                .map(renewed);
    }

    /**
     * Saves the session and logs it, a grant in the Ledger: the cookie is set only once both are done, and in mode
     * KAFKA a failed log undoes the save. A renewal logs SessionStarted again, same hash, new auth_time; undoing it
     * puts the session back as it was.
     */
    private Future<Void> store(String cookieHash, SessionRecord session, Client client, String ip,
                               Supplier<Future<?>> undo) {
        long idle = flow.platform.config().login().sessionIdleSeconds();
        return flow.platform.ledger().grant(Ledger.by(ip, meta -> new SessionStarted(meta, cookieHash,
                        session.subject(), session.username(), client.clientId(), session.authTime(),
                        session.authTime() + idle, session.absoluteExpiresAt(), session.sid())),
                () -> flow.sessions.save(cookieHash, session, idle), undo);
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
