package edu.lanyard.authorize;

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
import edu.lanyard.core.domain.User;
import edu.lanyard.core.oidc.ClaimsRequest;
import edu.lanyard.core.oidc.StandardClaims;
import edu.lanyard.core.session.SessionRecord;
import edu.lanyard.core.token.Scopes;
import edu.lanyard.core.user.UserLookup;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The pages of a browser sign-in: the login form, the consent form and the error page. */
public final class SignInPages {
    private static final String LOGIN_ACTION = "/oauth2/login";
    private static final String CONSENT_ACTION = "/oauth2/consent";

    private final PageRenderer renderer;
    private final CsrfTokens csrf;
    private final UserLookup users;

    public SignInPages(PageRenderer renderer, CsrfTokens csrf) {
        this(renderer, csrf, null);
    }

    /** @param users for the consent page to list the claims the user really has; null to list them in general */
    public SignInPages(PageRenderer renderer, CsrfTokens csrf, UserLookup users) {
        this.renderer = renderer;
        this.csrf = csrf;
        this.users = users;
    }

    /** For the pages other endpoints render (logout). */
    public PageRenderer renderer() {
        return renderer;
    }

    /**
     * The login form for the request parked under {@code rid}; with a problem it answers 400 and keeps the username
     * typed.
     */
    public Future<Void> showLogin(RoutingContext ctx, Client client, AuthorizationRequest request, String rid,
                                  LoginProblem problem, String username) {
        return showLogin(ctx, client, request, rid, problem, username, null);
    }

    /** The login form again after a lockout, saying how long the lock still lasts. */
    public Future<Void> showLogin(RoutingContext ctx, Client client, AuthorizationRequest request, String rid,
                                  LoginProblem problem, String username, Duration lockRemaining) {
        PageContext page = PageContext.of(ctx, request.uiLocales());
        SecurityHeaders.allowFormRedirectTo(ctx, request.redirectUri());
        String html = new LoginPage(page, displayName(client), LOGIN_ACTION, rid, csrf.issue(ctx, rid),
                username != null ? username : request.loginHint(), problem, lockRemaining).render(renderer);
        return HtmlResponse.send(ctx, problem == null ? 200 : 400, html);
    }

    /**
     * The consent form for the request parked under {@code rid}: each scope with the claims it will release for
     * this user, and the claims asked for by name. Should the user record be unreadable, each standard scope is
     * described by every claim it can release instead.
     */
    public Future<Void> showConsent(RoutingContext ctx, Client client, AuthorizationRequest request, String rid,
                                    SessionRecord session) {
        ClaimsRequest claims = request.claimsRequest();
        Future<Optional<User>> user = users == null ? Future.succeededFuture(Optional.empty())
                : users.bySubject(session.subject()).recover(e -> Future.succeededFuture(Optional.empty()));
        return user.compose(found -> {
            Set<String> released = found
                    .map(u -> StandardClaims.of(u, request.scope(), claims.allNames()).keySet())
                    .orElse(null);
            PageContext page = PageContext.of(ctx, request.uiLocales());
            SecurityHeaders.allowFormRedirectTo(ctx, request.redirectUri());
            String html = new ConsentPage(page, displayName(client), CONSENT_ACTION, rid, csrf.issue(ctx, rid),
                    List.copyOf(Scopes.parse(request.scope())), session.username(), released, claims.allNames())
                    .render(renderer);
            return HtmlResponse.send(ctx, html);
        });
    }

    public void showError(RoutingContext ctx, ErrorKind kind, String code, String detail, String uiLocales) {
        String html = new ErrorPage(PageContext.of(ctx, uiLocales), kind, code, detail).render(renderer);
        HtmlResponse.send(ctx, kind.status(), html);
    }

    /** The client's name as the user should read it: its display name, else its id. */
    public static String displayName(Client client) {
        return client.name() != null && !client.name().isBlank() ? client.name() : client.clientId();
    }
}
