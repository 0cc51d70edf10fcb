package edu.lanyard.authorize.pipeline;

import edu.lanyard.authorize.AuthorizationRequest;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.session.SessionRecord;
import io.vertx.core.Future;

import java.time.Clock;
import java.util.Optional;

/**
 * The browser's SSO session answers for the user, unless the request wants a fresh sign-in (prompt=login, or a
 * max_age the session is older than). Otherwise the user signs in — or, with prompt=none, the client hears
 * login_required (OIDC Core §3.1.2.6).
 */
public final class CheckLogin implements AuthorizationStep {
    private final SessionLookup sessions;
    private final PendingAuthorizations pending;
    private final Clock clock;

    public CheckLogin(SessionLookup sessions, PendingAuthorizations pending, Clock clock) {
        this.sessions = sessions;
        this.pending = pending;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "login";
    }

    @Override
    public Future<StepResult> apply(AuthorizationState state) {
        AuthorizationRequest request = state.request();
        Future<Optional<SessionRecord>> current = state.sessionCookie().isEmpty()
                ? Future.succeededFuture(Optional.empty())
                : sessions.live(state.sessionCookie().get());
        return current.compose(session -> {
            if (session.isPresent() && !request.hasPrompt("login") && freshEnough(request, session.get())) {
                return Future.succeededFuture(new StepResult.Continue(state.withSession(session.get())));
            }
            if (request.hasPrompt("none")) {
                return Future.succeededFuture(new StepResult.RedirectError(request,
                        new OAuthError("login_required", "the user is not signed in", 400)));
            }
            return pending.park(request).map(rid -> new StepResult.NeedLogin(state.client(), request, rid));
        });
    }

    /** OIDC Core §3.1.2.1: re-authenticate once max_age has passed; max_age=0 is prompt=login. */
    private boolean freshEnough(AuthorizationRequest request, SessionRecord session) {
        if (request.maxAge() == null) {
            return true;
        }
        if (request.maxAge() == 0) {
            return false;
        }
        long age = clock.instant().getEpochSecond() - session.authTime();
        return age <= request.maxAge();
    }
}
