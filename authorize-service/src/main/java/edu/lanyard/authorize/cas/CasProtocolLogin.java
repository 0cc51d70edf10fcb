package edu.lanyard.authorize.cas;

import edu.lanyard.authorize.SessionEstablisher;
import edu.lanyard.authorize.SignInFlow;
import edu.lanyard.authorize.page.CasPage;
import edu.lanyard.authorize.page.ErrorKind;
import edu.lanyard.authorize.page.HtmlResponse;
import edu.lanyard.authorize.page.LoginPage;
import edu.lanyard.authorize.page.LoginProblem;
import edu.lanyard.authorize.page.PageContext;
import edu.lanyard.authorize.page.SecurityHeaders;
import edu.lanyard.authorize.responsemode.FrontChannelReply;
import edu.lanyard.core.cas.CasService;
import edu.lanyard.core.json.Jsons;
import edu.lanyard.core.metrics.SignInMeters;
import edu.lanyard.core.session.SessionRecord;
import edu.lanyard.core.store.KeyValueMap;
import edu.lanyard.core.user.SignInOutcome;
import edu.lanyard.dialects.http.Responses;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * CAS Protocol 3.0 §2.1–2.2: {@code GET {p}/login} as credential requestor and {@code POST {p}/login} as credential
 * acceptor. The login page and the SSO session are the ones every dialect shares, so a CAS sign-in also serves the
 * OAuth and OIDC applications, and the other way round. An unregistered service gets the error page, never a
 * redirect.
 */
public final class CasProtocolLogin {
    /** A parked login request lives as long as the OAuth ones: time to type a password, not a day. */
    private static final long PARKED_SECONDS = 900;

    private final SignInFlow flow;
    private final ServiceTickets tickets;
    private final KeyValueMap parked;
    private final SessionEstablisher sessions;
    private final String formAction;

    CasProtocolLogin(SignInFlow flow, ServiceTickets tickets, String prefix) {
        this.flow = flow;
        this.tickets = tickets;
        this.parked = flow.platform().sharedMaps().map("lanyard.cas-logins");
        this.sessions = new SessionEstablisher(flow);
        this.formAction = prefix + "/login";
    }

    /** The credential requestor: {@code service}, {@code renew}, {@code gateway}, {@code method}. */
    public void get(RoutingContext ctx) {
        CasParams params = new CasParams(ctx);
        String service;
        boolean renew;
        boolean gateway;
        boolean postBack;
        try {
            service = params.one("service").orElse(null);
            renew = params.flag("renew");
            gateway = params.flag("gateway");
            postBack = postBack(params.one("method").orElse(null));
        } catch (CasParams.Malformed | IllegalArgumentException e) {
            flow.pages().showError(ctx, ErrorKind.BAD_REQUEST, "INVALID_REQUEST", e.getMessage(), null);
            return;
        }
        Optional<CasService> registered = Optional.empty();
        if (service != null) {
            registered = flow.platform().casServices().find(service);
            if (registered.isEmpty()) {
                unregistered(ctx);
                return;
            }
        }
        Optional<CasService> target = registered;
        CasLoginRequest request = new CasLoginRequest(service, postBack);
        flow.currentSession(ctx).compose(session -> {
            if (session.isPresent() && !renew) {
                return target.isPresent()
                        ? issueAndSend(ctx, target.get(), request, session.get(), false, 302)
                        : signedIn(ctx, session.get());
            }
            if (gateway && !renew && target.isPresent()) {
                // §2.1.1: gateway never asks for credentials; without a session the service is told by the absence
                // of a ticket.
                return flow.outcomes().sendRedirect(ctx, 302, service, null);
            }
            return parkAndShow(ctx, request, target);
        }).onFailure(failure -> flow.outcomes().fail(ctx, failure, null));
    }

    /** The credential acceptor: the login form posted back. */
    public void post(RoutingContext ctx) {
        String rid = ctx.request().getFormAttribute(LoginPage.REQUEST_ID_FIELD);
        if (rid == null || rid.length() > 100) {
            expired(ctx);
            return;
        }
        parked.get("r:" + rid).compose(found -> {
            if (found.isEmpty()) {
                expired(ctx);
                return Future.succeededFuture();
            }
            CasLoginRequest request = Jsons.read(found.get(), CasLoginRequest.class);
            Optional<CasService> target = Optional.ofNullable(request.service())
                    .flatMap(flow.platform().casServices()::find);
            if (request.service() != null && target.isEmpty()) {
                unregistered(ctx);
                return Future.succeededFuture();
            }
            return signIn(ctx, request, target, rid);
        }).onFailure(failure -> flow.outcomes().fail(ctx, failure, null));
    }

    private Future<Void> signIn(RoutingContext ctx, CasLoginRequest request, Optional<CasService> target,
                                String rid) {
        String username = trimmed(ctx.request().getFormAttribute(LoginPage.USERNAME_FIELD));
        String password = ctx.request().getFormAttribute(LoginPage.PASSWORD_FIELD);
        if (!flow.csrf().verify(ctx, rid)) {
            return show(ctx, target, rid, LoginProblem.FORM_EXPIRED, username, null);
        }
        if (username == null || password == null || password.isEmpty()) {
            return show(ctx, target, rid, LoginProblem.MISSING_FIELDS, username, null);
        }
        String ip = Responses.clientIp(ctx);
        String audience = target.map(s -> "cas:" + s.id()).orElse("cas");
        return flow.platform().signIn().attempt(SignInMeters.Via.LOGIN_PAGE, username, password, ip, audience)
                .compose(outcome -> {
                    if (outcome instanceof SignInOutcome.SignedIn signedIn) {
                        return sessions.establish(ctx, signedIn.user(), audience, ip)
                                .compose(session -> parked.remove("r:" + rid).map(session))
                                .compose(session -> target.isPresent()
                                        ? issueAndSend(ctx, target.get(), request, session, true, 303)
                                        : signedIn(ctx, session));
                    }
                    if (outcome instanceof SignInOutcome.Locked locked) {
                        Duration remaining = Duration.between(flow.platform().clock().instant(), locked.until());
                        return show(ctx, target, rid, LoginProblem.ACCOUNT_LOCKED, username, remaining);
                    }
                    return show(ctx, target, rid, problem(outcome), username, null);
                });
    }

    private Future<Void> issueAndSend(RoutingContext ctx, CasService service, CasLoginRequest request,
                                      SessionRecord session, boolean fromNewLogin, int status) {
        return tickets.issue(service, request.service(), session, fromNewLogin, Responses.clientIp(ctx))
                .compose(ticket -> {
                    if (request.postBack()) {
                        FrontChannelReply.AutoPostForm form = FrontChannelReply.AutoPostForm.of(request.service(),
                                Map.of("ticket", ticket));
                        SecurityHeaders.allowFormRedirectTo(ctx, form.action());
                        SecurityHeaders.allowInlineScript(ctx, FrontChannelReply.AutoPostForm.SCRIPT_SHA256);
                        return HtmlResponse.send(ctx, form.html());
                    }
                    return flow.outcomes().sendRedirect(ctx, status, withTicket(request.service(), ticket), null);
                });
    }

    /** The service URL with {@code ticket} added to its query, before any fragment. */
    static String withTicket(String service, String ticket) {
        int hash = service.indexOf('#');
        String base = hash < 0 ? service : service.substring(0, hash);
        String fragment = hash < 0 ? "" : service.substring(hash);
        return base + (base.contains("?") ? "&" : "?") + "ticket=" + ticket + fragment;
    }

    private Future<Void> parkAndShow(RoutingContext ctx, CasLoginRequest request, Optional<CasService> target) {
        String rid = UUID.randomUUID().toString();
        return parked.put("r:" + rid, Jsons.write(request), PARKED_SECONDS)
                .compose(v -> show(ctx, target, rid, null, null, null));
    }

    private Future<Void> show(RoutingContext ctx, Optional<CasService> target, String rid, LoginProblem problem,
                              String username, Duration lockRemaining) {
        PageContext page = PageContext.of(ctx, null);
        target.ifPresent(service -> SecurityHeaders.allowFormRedirectTo(ctx, service.service()));
        String name = target.map(CasService::displayName).orElse("CAS");
        String html = new LoginPage(page, name, formAction, rid, flow.csrf().issue(ctx, rid), username, problem,
                lockRemaining).render(flow.pages().renderer());
        return HtmlResponse.send(ctx, problem == null ? 200 : 400, html);
    }

    private Future<Void> signedIn(RoutingContext ctx, SessionRecord session) {
        return HtmlResponse.send(ctx, CasPage.signedIn(PageContext.of(ctx, null), session.username())
                .render(flow.pages().renderer()));
    }

    private void unregistered(RoutingContext ctx) {
        flow.pages().showError(ctx, ErrorKind.UNKNOWN_CLIENT, "INVALID_SERVICE",
                "this application is not registered to use this sign-in service", null);
    }

    private void expired(RoutingContext ctx) {
        flow.pages().showError(ctx, ErrorKind.REQUEST_EXPIRED, "INVALID_REQUEST",
                "this sign-in request has expired; go back to the application and start again", null);
    }

    /** {@code method}: absent or GET redirects, POST posts a form (§2.1.1); anything else is refused. */
    private static boolean postBack(String method) {
        if (method == null || method.equalsIgnoreCase("GET")) {
            return false;
        }
        if (method.toUpperCase(Locale.ROOT).equals("POST")) {
            return true;
        }
        throw new IllegalArgumentException("method must be GET or POST");
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

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
