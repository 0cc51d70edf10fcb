package edu.lanyard.authorize;

import edu.lanyard.authorize.cas.SingleLogout;
import edu.lanyard.authorize.page.CasPage;
import edu.lanyard.authorize.page.SecurityHeaders;
import edu.lanyard.core.session.SessionRecord;

import edu.lanyard.authorize.page.ErrorKind;
import edu.lanyard.authorize.page.HtmlResponse;
import edu.lanyard.authorize.page.LogoutPage;
import edu.lanyard.authorize.page.PageContext;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.domain.HeaderValues;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.core.token.ActiveToken;
import edu.lanyard.core.token.TokenKind;
import edu.lanyard.dialects.LogoutAnswer;
import edu.lanyard.dialects.ProductDialect;
import edu.lanyard.dialects.http.Responses;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A product's logout ({@code /sso/logout}, {@code /force/logout}, {@code /cas/logout}, {@code logout.php}): ends the
 * shared SSO session like the OIDC logout does, optionally revokes the tokens the request names (PHP SSO), and
 * answers in the product's form. A return address is followed only if a client registered it — the one the request
 * identifies (client_id or a token of it), else any client (CAS's "registered service").
 */
public final class DialectLogoutEndpoint implements Handler<RoutingContext> {
    private final ProductDialect dialect;
    private final SignInFlow flow;

    /** CAS's single logout, for the CAS mount; null for every other dialect. */
    private final SingleLogout casLogout;

    public DialectLogoutEndpoint(ProductDialect dialect, SignInFlow flow) {
        this(dialect, flow, null);
    }

    /**
     * @param casLogout the CAS protocol's single logout: the services that got a ticket in the ended session are
     *                  told, and a registered CAS service is a return address as well
     */
    public DialectLogoutEndpoint(ProductDialect dialect, SignInFlow flow, SingleLogout casLogout) {
        this.dialect = dialect;
        this.flow = flow;
        this.casLogout = casLogout;
    }

    @Override
    public void handle(RoutingContext ctx) {
        RequestParams params = dialect.params(ctx);
        boolean malformed = dialect.logoutTargetParameters().stream().map(params::allAsSent)
                .flatMap(List::stream).anyMatch(value -> !HeaderValues.isSafeUri(value));
        if (malformed) {
            // Refused before anything happens (also for a line break that trimming would hide): the session and
            // the tokens stay, nothing is logged.
            answer(ctx, dialect.malformedLogoutTarget(params), Optional.empty());
            return;
        }
        String target = dialect.logoutTargetParameters().stream().map(params::firstOrNull)
                .filter(Objects::nonNull).findFirst().orElse(null);
        List<String> tokens = dialect.revokesPresentedTokensOnLogout()
                ? presentedTokens(params) : List.of();
        identifiedClient(params, tokens).compose(client -> {
            String allowed = target != null && registered(client, target) ? target : null;
            if (target != null && allowed == null) {
                Optional<LogoutAnswer> refusal = dialect.refuseLogoutTarget(params);
                if (refusal.isPresent()) {
                    answer(ctx, refusal.get(), client);
                    return Future.succeededFuture();
                }
            }
            flow.signIns().productLogout(dialect.name());
            Future<Optional<SessionRecord>> ending = casLogout == null ? Future.succeededFuture(Optional.empty())
                    : flow.currentSession(ctx);
            return ending.compose(session -> revoke(tokens, Responses.clientIp(ctx))
                    .compose(revoked -> flow.signOut(ctx))
                    .compose(ended -> session.map(s -> casLogout.sessionEnded(s))
                            .orElseGet(() -> Future.succeededFuture(List.of())))
                    .map(frames -> {
                        if (frames.isEmpty()) {
                            answer(ctx, dialect.loggedOut(params, allowed), client);
                        } else {
                            signedOutWithFrames(ctx, frames);
                        }
                        return null;
                    }));
        }).onFailure(failure -> flow.outcomes().fail(ctx, failure, null));
    }

    private static List<String> presentedTokens(RequestParams params) {
        List<String> tokens = new ArrayList<>(2);
        params.first("access_token").ifPresent(tokens::add);
        params.first("refresh_token").ifPresent(tokens::add);
        return tokens;
    }

    /** The client named by client_id, else the one a presented token was issued to (even if since revoked). */
    private Future<Optional<Client>> identifiedClient(RequestParams params, List<String> tokens) {
        Optional<Client> named = params.first("client_id").flatMap(flow.platform().clients()::find);
        if (named.isPresent() || tokens.isEmpty()) {
            return Future.succeededFuture(named);
        }
        return flow.platform().validator().remembered(tokens.get(0))
                .map(found -> found.flatMap(t -> flow.platform().clients().find(t.clientId())));
    }

    /**
     * CAS front-channel logout: the notices are hidden frames of the signed-out page, so that page is shown even
     * when a return address was given (the browser must load the frames).
     */
    private void signedOutWithFrames(RoutingContext ctx, List<String> frames) {
        frames.forEach(frame -> SecurityHeaders.allowFrame(ctx, frame));
        HtmlResponse.send(ctx, CasPage.signedOut(PageContext.of(ctx, null), frames)
                .render(flow.pages().renderer()));
    }

    private boolean registered(Optional<Client> client, String target) {
        if (casLogout != null && flow.platform().casServices().find(target).isPresent()) {
            return true;
        }
        if (client.isPresent()) {
            return registeredBy(client.get(), target);
        }
        return flow.platform().clients().all().stream().anyMatch(c -> registeredBy(c, target));
    }

    private static boolean registeredBy(Client client, String target) {
        return client.postLogoutRedirectUris().contains(target) || client.acceptsRedirectUri(target);
    }

    /** Logout is idempotent: an unknown or already revoked token is not an error (the PHP SSO's 2012 fix). */
    private Future<Void> revoke(List<String> tokens, String ip) {
        List<Future<Void>> revocations = new ArrayList<>();
        for (String token : tokens) {
            revocations.add(flow.platform().validator().anyToken(token, TokenKind.ACCESS_TOKEN).compose(found ->
                    found.map((ActiveToken t) -> flow.platform().revoker().revoke(t, "logout", ip))
                            .orElseGet(Future::succeededFuture)));
        }
        return Future.all(revocations).mapEmpty();
    }

    private void answer(RoutingContext ctx, LogoutAnswer answer, Optional<Client> client) {
        if (answer instanceof LogoutAnswer.Redirect redirect) {
            flow.outcomes().sendRedirect(ctx, 302, redirect.location(), null);
        } else if (answer instanceof LogoutAnswer.Json json) {
            Responses.noStore(ctx);
            Responses.json(ctx, json.status(), json.body());
        } else if (answer instanceof LogoutAnswer.ErrorPage error) {
            flow.pages().showError(ctx, ErrorKind.BAD_REQUEST, error.error(), error.description(), null);
        } else {
            String name = client.map(SignInPages::displayName).orElse(null);
            HtmlResponse.send(ctx, LogoutPage.signedOut(PageContext.of(ctx, null), name, null)
                    .render(flow.pages().renderer()));
        }
    }
}
