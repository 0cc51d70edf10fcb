package edu.lanyard.authorize;

import edu.lanyard.authorize.page.ErrorKind;
import edu.lanyard.authorize.page.HtmlResponse;
import edu.lanyard.authorize.page.LogoutPage;
import edu.lanyard.authorize.page.PageContext;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.domain.HeaderValues;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.core.session.SessionRecord;
import edu.lanyard.dialects.http.HttpRequestParams;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OIDC RP-Initiated Logout 1.0 at the {@code end_session_endpoint}. With a valid {@code id_token_hint} the session
 * ends at once; without one the user confirms first (so a third-party page cannot sign people out). Ending the
 * session revokes every token family issued in it. The user goes back to {@code post_logout_redirect_uri} only if
 * the client registered it; otherwise Lanyard shows its own "signed out" page.
 */
public final class LogoutEndpoint implements Handler<RoutingContext> {
    private static final String FORM_ACTION = "/oauth2/logout";

    private final SignInFlow flow;
    private final IdTokenHints hints;

    public LogoutEndpoint(SignInFlow flow) {
        this.flow = flow;
        this.hints = new IdTokenHints(flow.platform().issuer(), flow.platform().publicJwks());
    }

    @Override
    public void handle(RoutingContext ctx) {
        boolean post = ctx.request().method() == HttpMethod.POST;
        RequestParams params = HttpRequestParams.from(ctx, post
                ? List.of(RequestParams.Source.QUERY, RequestParams.Source.FORM)
                : List.of(RequestParams.Source.QUERY));
        String uiLocales = params.firstOrNull("ui_locales");
        String requestedReturn = params.firstOrNull("post_logout_redirect_uri");
        if (!params.allAsSent("post_logout_redirect_uri").stream().allMatch(HeaderValues::isSafeUri)) {
            // Refused before anything happens (also for a line break that trimming would hide): the session
            // stays, nothing is logged, no page echoes the value.
            flow.pages().showError(ctx, ErrorKind.INVALID_REDIRECT_URI, "invalid_request",
                    "post_logout_redirect_uri contains a control character or whitespace", uiLocales);
            return;
        }
        Optional<IdTokenHints.Hint> hint = hints.verify(params.firstOrNull("id_token_hint"));
        String clientId = hint.map(IdTokenHints.Hint::clientId).orElse(params.firstOrNull("client_id"));
        Optional<Client> client = Optional.ofNullable(clientId).flatMap(flow.platform().clients()::find);
        String returnTo = allowedReturn(client, requestedReturn, params.firstOrNull("state"));
        boolean confirmedByForm = post && flow.csrf().verify(ctx, "logout");
        flow.currentSession(ctx).compose(session -> {
            if (!confirmedByForm && !hintMatches(hint, session)) {
                confirm(ctx, params, client, uiLocales);
                return Future.succeededFuture();
            }
            flow.signIns().rpInitiatedLogout();
            return flow.signOut(ctx).compose(ended -> signedOut(ctx, post, returnTo, client, uiLocales));
        }).onFailure(failure -> flow.outcomes().fail(ctx, failure, uiLocales));
    }

    /**
     * An id_token_hint stands for the user's confirmation only if it names the browser's own session (RP-Initiated
     * Logout §2): an id_token of another session, or one that leaked, must not sign this browser out unasked.
     */
    private static boolean hintMatches(Optional<IdTokenHints.Hint> hint, Optional<SessionRecord> session) {
        if (hint.isEmpty()) {
            return false;
        }
        return session.isEmpty() || session.get().sid().equals(hint.get().sid());
    }

    private Future<Void> signedOut(RoutingContext ctx, boolean post, String returnTo, Optional<Client> client,
                                   String uiLocales) {
        if (returnTo != null) {
            return flow.outcomes().sendRedirect(ctx, post ? 303 : 302, returnTo, uiLocales);
        }
        String name = client.map(SignInPages::displayName).orElse(null);
        return HtmlResponse.send(ctx, LogoutPage.signedOut(PageContext.of(ctx, uiLocales), name, null)
                .render(flow.pages().renderer()));
    }

    private void confirm(RoutingContext ctx, RequestParams params, Optional<Client> client, String uiLocales) {
        Map<String, String> hidden = new LinkedHashMap<>();
        client.ifPresent(c -> hidden.put("client_id", c.clientId()));
        for (String name : List.of("post_logout_redirect_uri", "state", "ui_locales")) {
            params.first(name).ifPresent(value -> hidden.put(name, value));
        }
        String name = client.map(SignInPages::displayName).orElse(null);
        String html = LogoutPage.confirm(PageContext.of(ctx, uiLocales), FORM_ACTION,
                flow.csrf().issue(ctx, "logout"), hidden, name).render(flow.pages().renderer());
        HtmlResponse.send(ctx, html);
    }

    /** The return URL if the client registered it (as a post-logout or a redirect URI), with state appended. */
    private static String allowedReturn(Optional<Client> client, String uri, String state) {
        if (client.isEmpty() || uri == null) {
            return null;
        }
        Client c = client.get();
        boolean registered = c.postLogoutRedirectUris().contains(uri) || c.redirectUris().contains(uri);
        if (!registered) {
            return null;
        }
        if (state == null) {
            return uri;
        }
        return uri + (uri.contains("?") ? "&" : "?") + "state=" + URLEncoder.encode(state, StandardCharsets.UTF_8);
    }
}
