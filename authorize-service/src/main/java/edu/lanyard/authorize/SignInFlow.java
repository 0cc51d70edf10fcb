package edu.lanyard.authorize;

import edu.lanyard.dialects.http.EdgeErrors;

import edu.lanyard.authorize.page.ConsentPage;
import edu.lanyard.authorize.page.CsrfTokens;
import edu.lanyard.authorize.page.ErrorKind;
import edu.lanyard.authorize.page.ErrorPage;
import edu.lanyard.authorize.page.HtmlResponse;
import edu.lanyard.authorize.page.LoginPage;
import edu.lanyard.authorize.page.LoginProblem;
import edu.lanyard.authorize.page.PageContext;
import edu.lanyard.authorize.page.PageRenderer;
import edu.lanyard.authorize.page.SecurityHeaders;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.event.ConsentGranted;
import edu.lanyard.core.ledger.Ledger;
import edu.lanyard.core.session.SessionTerminator;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.error.OAuthException;
import edu.lanyard.dialects.http.Redirects;
import edu.lanyard.dialects.http.Responses;
import edu.lanyard.core.json.Jsons;
import edu.lanyard.core.logging.LogRedactor;
import edu.lanyard.core.runtime.Platform;
import edu.lanyard.core.session.SessionRecord;
import edu.lanyard.core.store.KeyValueMap;
import edu.lanyard.core.store.Sessions;
import edu.lanyard.core.token.Scopes;
import edu.lanyard.core.token.TokenFormat;
import edu.lanyard.core.token.TokenHash;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The steps a browser sign-in shares across the authorize, login and consent endpoints: find the session, park a
 * request while the user signs in, ask for consent when needed, and answer the client.
 */
public final class SignInFlow {
    private static final Logger LOG = LoggerFactory.getLogger(SignInFlow.class);
    private static final long PENDING_SECONDS = 900;
    private static final long CONSENT_SECONDS = ConsentGranted.LIFETIME_SECONDS;

    final Platform platform;
    final Sessions sessions;
    final SessionCookie cookie;
    final CsrfTokens csrf;
    final PageRenderer pages;
    final SessionTerminator terminator;
    private final KeyValueMap pending;
    private final KeyValueMap consents;
    private final AuthorizationResponder responder;
    private final Map<String, FrontChannelDialect> dialects;

    public SignInFlow(Platform platform, Sessions sessions, CsrfTokens csrf, PageRenderer pages,
                      KeyValueMap pending, KeyValueMap consents, Map<String, FrontChannelDialect> dialects) {
        this.platform = platform;
        this.sessions = sessions;
        this.cookie = new SessionCookie(platform.issuer());
        this.csrf = csrf;
        this.pages = pages;
        this.pending = pending;
        this.consents = consents;
        this.responder = new AuthorizationResponder(platform, sessions);
        this.terminator = new SessionTerminator(sessions, platform.revoker(), platform.ledger(),
                platform.config().tokens().refreshTokenTtl());
        this.dialects = dialects;
    }

    /** The live session behind the browser's cookie, if any. */
    public Future<Optional<SessionRecord>> currentSession(RoutingContext ctx) {
        Optional<String> value = cookie.read(ctx);
        if (value.isEmpty()) {
            return Future.succeededFuture(Optional.empty());
        }
        long now = platform.clock().instant().getEpochSecond();
        String hash = TokenHash.of(value.get());
        return sessions.find(hash).compose(found -> {
            if (found.isEmpty() || found.get().absoluteExpiresAt() <= now) {
                return Future.succeededFuture(Optional.<SessionRecord>empty());
            }
            return sessions.touch(hash, found.get(), platform.config().login().sessionIdleSeconds())
                    .map(found);
        });
    }

    /** Ends the browser's session, if it has one, and clears its cookie; a browser without one is signed out. */
    Future<Void> signOut(RoutingContext ctx) {
        Optional<String> value = cookie.read(ctx);
        cookie.clear(ctx);
        if (value.isEmpty()) {
            return Future.succeededFuture();
        }
        return terminator.end(TokenHash.of(value.get()), "logout", Responses.clientIp(ctx));
    }

    /** After the user is known: consent if needed, then the response to the client. */
    public Future<Void> proceed(RoutingContext ctx, Client client, AuthorizationRequest request,
                                SessionRecord session, boolean afterPost) {
        return needsConsent(client, request, session).compose(needed -> {
            if (needed) {
                if (request.hasPrompt("none")) {
                    return redirect(ctx, AuthorizationResponder.error(request,
                            new OAuthError("consent_required", "the user has not consented", 400)), afterPost);
                }
                return park(request).compose(rid -> showConsent(ctx, client, request, rid, session));
            }
            return respond(ctx, client, request, session, afterPost);
        });
    }

    Future<Void> respond(RoutingContext ctx, Client client, AuthorizationRequest request, SessionRecord session,
                         boolean afterPost) {
        return responder.respond(client, request, session, dialect(request), Responses.clientIp(ctx))
                .compose(response -> redirect(ctx, response, afterPost));
    }

    /**
     * Remembers the consent as a grant in the Ledger: merged into what the user consented to before, logged at the
     * same time, and put back as it was if the log does not take it.
     */
    Future<Void> recordConsent(RoutingContext ctx, SessionRecord session, AuthorizationRequest request) {
        String key = session.subject() + "|" + request.clientId();
        AtomicReference<Optional<String>> before = new AtomicReference<>();
        return platform.ledger().grant(Ledger.by(Responses.clientIp(ctx), meta -> new ConsentGranted(meta,
                session.subject(), request.clientId(), request.scope())), () -> consents.get(key).compose(previous -> {
                    before.set(previous);
                    var merged = Scopes.parse(previous.orElse(""));
                    merged.addAll(Scopes.parse(request.scope()));
                    return consents.put(key, Scopes.join(merged), CONSENT_SECONDS);
                }), () -> {
                    Optional<String> previous = before.get();
                    if (previous == null) {
                        return Future.succeededFuture();
                    }
                    return previous.isPresent() ? consents.put(key, previous.get(), CONSENT_SECONDS)
                            : consents.remove(key);
                });
    }

    private Future<Boolean> needsConsent(Client client, AuthorizationRequest request, SessionRecord session) {
        if (request.hasPrompt("consent")) {
            return Future.succeededFuture(true);
        }
        if (!client.requireConsent()) {
            return Future.succeededFuture(false);
        }
        return consents.get(session.subject() + "|" + client.clientId())
                .map(granted -> !Scopes.parse(granted.orElse("")).containsAll(Scopes.parse(request.scope())));
    }

    /** Keeps the request in the cluster while the user fills a form; answers the request id. */
    Future<String> park(AuthorizationRequest request) {
        String rid = new TokenFormat.Opaque256().mint(edu.lanyard.core.token.TokenKind.AUTHORIZATION_CODE);
        return pending.put(rid, Jsons.write(request), PENDING_SECONDS).map(rid);
    }

    Future<Optional<AuthorizationRequest>> parked(String rid) {
        if (rid == null || rid.isBlank()) {
            return Future.succeededFuture(Optional.empty());
        }
        return pending.get(rid).map(json -> json.map(j -> Jsons.read(j, AuthorizationRequest.class)));
    }

    Future<Void> forget(String rid) {
        return pending.remove(rid).mapEmpty();
    }

    Future<Void> showLogin(RoutingContext ctx, Client client, AuthorizationRequest request, String rid,
                           LoginProblem problem, String username) {
        PageContext page = PageContext.of(ctx, request.uiLocales());
        SecurityHeaders.allowFormRedirectTo(ctx, request.redirectUri());
        String html = new LoginPage(page, displayName(client), "/oauth2/login", rid, csrf.issue(ctx, rid),
                username != null ? username : request.loginHint(), problem).render(pages);
        return HtmlResponse.send(ctx, problem == null ? 200 : 400, html);
    }

    private Future<Void> showConsent(RoutingContext ctx, Client client, AuthorizationRequest request, String rid,
                                     SessionRecord session) {
        PageContext page = PageContext.of(ctx, request.uiLocales());
        SecurityHeaders.allowFormRedirectTo(ctx, request.redirectUri());
        String html = new ConsentPage(page, displayName(client), "/oauth2/consent", rid, csrf.issue(ctx, rid),
                List.copyOf(Scopes.parse(request.scope())), session.username()).render(pages);
        return HtmlResponse.send(ctx, html);
    }

    Future<Void> redirect(RoutingContext ctx, AuthorizationResponse response, boolean afterPost) {
        if (response.formPost()) {
            SecurityHeaders.allowFormRedirectTo(ctx, response.redirectUri());
            SecurityHeaders.allowInlineScript(ctx, FormPostPage.SCRIPT_SHA256);
            return HtmlResponse.send(ctx, FormPostPage.render(response));
        }
        return sendRedirect(ctx, afterPost ? 303 : 302, response.location(), null);
    }

    /**
     * Every redirect of the sign-in and logout endpoints goes through here: a target that is not safe in a header
     * (the endpoints refuse those earlier; this is the last line) gets the error page instead, nothing half-written.
     */
    Future<Void> sendRedirect(RoutingContext ctx, int status, String location, String uiLocales) {
        try {
            return Redirects.send(ctx.response(), status, location);
        } catch (Redirects.UnsafeLocation e) {
            showError(ctx, ErrorKind.INVALID_REDIRECT_URI, "invalid_request",
                    "the redirect target contains a control character or whitespace", uiLocales);
            return Future.succeededFuture();
        }
    }

    /** Ends a failed request the only safe way: to the client if its redirect URI is trusted, else our page. */
    public void fail(RoutingContext ctx, Throwable failure, String uiLocales) {
        if (ctx.response().ended()) {
            return;
        }
        if (failure instanceof AuthorizationFailure.Exception wrapped) {
            if (wrapped.failure() instanceof AuthorizationFailure.ShowPage page) {
                showError(ctx, page.kind(), page.errorCode(), page.detail(), uiLocales);
            } else if (wrapped.failure() instanceof AuthorizationFailure.Redirect redirect) {
                redirect(ctx, AuthorizationResponder.error(redirect.request(), redirect.error()), false);
            }
            return;
        }
        OAuthError error = EdgeErrors.of(failure);
        if (!(failure instanceof OAuthException)) {
            LOG.error("sign-in failed", LogRedactor.scrub(failure));
        }
        ErrorKind kind = error.status() == 503 ? ErrorKind.TEMPORARILY_UNAVAILABLE
                : error.status() < 500 ? ErrorKind.BAD_REQUEST : ErrorKind.SERVER_ERROR;
        showError(ctx, kind, error.error(), error.description(), uiLocales);
    }

    void showError(RoutingContext ctx, ErrorKind kind, String code, String detail, String uiLocales) {
        String html = new ErrorPage(PageContext.of(ctx, uiLocales), kind, code, detail).render(pages);
        HtmlResponse.send(ctx, kind.status(), html);
    }

    FrontChannelDialect dialect(AuthorizationRequest request) {
        return dialects.getOrDefault(request.dialect(), FrontChannelDialect.STANDARD);
    }

    static String displayName(Client client) {
        return client.name() != null && !client.name().isBlank() ? client.name() : client.clientId();
    }
}
