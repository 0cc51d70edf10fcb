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
import edu.lanyard.core.session.SessionRecord;
import edu.lanyard.core.token.Scopes;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/** The pages of a browser sign-in: the login form, the consent form and the error page. */
public final class SignInPages {
    private static final String LOGIN_ACTION = "/oauth2/login";
    private static final String CONSENT_ACTION = "/oauth2/consent";

    private final PageRenderer renderer;
    private final CsrfTokens csrf;

    public SignInPages(PageRenderer renderer, CsrfTokens csrf) {
        this.renderer = renderer;
        this.csrf = csrf;
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
        PageContext page = PageContext.of(ctx, request.uiLocales());
        SecurityHeaders.allowFormRedirectTo(ctx, request.redirectUri());
        String html = new LoginPage(page, displayName(client), LOGIN_ACTION, rid, csrf.issue(ctx, rid),
                username != null ? username : request.loginHint(), problem).render(renderer);
        return HtmlResponse.send(ctx, problem == null ? 200 : 400, html);
    }

    /** The consent form for the request parked under {@code rid}. */
    public Future<Void> showConsent(RoutingContext ctx, Client client, AuthorizationRequest request, String rid,
                                    SessionRecord session) {
        PageContext page = PageContext.of(ctx, request.uiLocales());
        SecurityHeaders.allowFormRedirectTo(ctx, request.redirectUri());
        String html = new ConsentPage(page, displayName(client), CONSENT_ACTION, rid, csrf.issue(ctx, rid),
                List.copyOf(Scopes.parse(request.scope())), session.username()).render(renderer);
        return HtmlResponse.send(ctx, html);
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
