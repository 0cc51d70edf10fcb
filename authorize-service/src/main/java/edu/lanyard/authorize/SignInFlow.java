package edu.lanyard.authorize;

import edu.lanyard.authorize.page.CsrfTokens;
import edu.lanyard.authorize.page.PageRenderer;
import edu.lanyard.authorize.pipeline.AuthorizationSteps;
import edu.lanyard.authorize.pipeline.Consents;
import edu.lanyard.authorize.pipeline.PendingAuthorizations;
import edu.lanyard.authorize.pipeline.SessionLookup;
import edu.lanyard.core.metrics.SignInMeters;
import edu.lanyard.core.runtime.Platform;
import edu.lanyard.core.session.SessionRecord;
import edu.lanyard.core.session.SessionTerminator;
import edu.lanyard.core.store.Sessions;
import edu.lanyard.core.token.TokenHash;
import edu.lanyard.dialects.http.Responses;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;
import java.util.Optional;

/**
 * What the sign-in endpoints (authorize, login, consent, logout) share: the SSO session and its cookie, the parked
 * requests, the pages, the authorization pipelines and the writer of their answers. Built once per process.
 */
public final class SignInFlow {
    private final Platform platform;
    private final Sessions sessions;
    private final SessionCookie cookie;
    private final SessionLookup liveSessions;
    private final CsrfTokens csrf;
    private final SignInPages pages;
    private final SessionTerminator terminator;
    private final PendingAuthorizations pending;
    private final AuthorizationSteps steps;
    private final AuthorizationOutcomes outcomes;
    private final SignInMeters signIns;

    /** @param dialects the product dialects' front channels by name */
    public SignInFlow(Platform platform, Sessions sessions, CsrfTokens csrf, PageRenderer renderer,
                      PendingAuthorizations pending, Consents consents, Map<String, FrontChannelDialect> dialects) {
        this.platform = platform;
        this.sessions = sessions;
        this.cookie = new SessionCookie(platform.issuer());
        this.liveSessions = new ClusterSessionLookup(sessions, platform.clock(),
                platform.config().login().sessionIdleSeconds(), platform.users());
        this.csrf = csrf;
        this.pages = new SignInPages(renderer, csrf, platform.users());
        this.signIns = new SignInMeters(platform.meters());
        this.terminator = new SessionTerminator(sessions, platform.revoker(), platform.ledger(),
                platform.config().tokens().refreshTokenTtl(), signIns);
        this.pending = pending;
        this.steps = new AuthorizationSteps(platform.clients(), liveSessions, pending, consents,
                new AuthorizationResponder(platform, sessions, dialects), platform.clock(), signIns);
        this.outcomes = new AuthorizationOutcomes(pages);
    }

    public Platform platform() {
        return platform;
    }

    /** The sign-in counters: outcomes, consent, logouts, ended sessions. */
    public SignInMeters signIns() {
        return signIns;
    }

    public Sessions sessions() {
        return sessions;
    }

    public SessionCookie cookie() {
        return cookie;
    }

    public CsrfTokens csrf() {
        return csrf;
    }

    public SignInPages pages() {
        return pages;
    }

    /** Ends sessions: at logout, when another user signs in on the same browser, and for the operator API. */
    public SessionTerminator terminator() {
        return terminator;
    }

    /** Ends the browser's session, if it has one, and clears its cookie; a browser without one is signed out. */
    public Future<Void> signOut(RoutingContext ctx) {
        Optional<String> value = cookie.read(ctx);
        cookie.clear(ctx);
        if (value.isEmpty()) {
            return Future.succeededFuture();
        }
        return terminator.end(TokenHash.of(value.get()), "logout", Responses.clientIp(ctx));
    }

    public PendingAuthorizations pending() {
        return pending;
    }

    /** Which endpoint runs which authorization steps. */
    public AuthorizationSteps steps() {
        return steps;
    }

    public AuthorizationOutcomes outcomes() {
        return outcomes;
    }

    /** The live session behind the browser's cookie, if any; finding it renews its idle timeout. */
    public Future<Optional<SessionRecord>> currentSession(RoutingContext ctx) {
        Optional<String> value = cookie.read(ctx);
        if (value.isEmpty()) {
            return Future.succeededFuture(Optional.empty());
        }
        return liveSessions.live(value.get());
    }
}
