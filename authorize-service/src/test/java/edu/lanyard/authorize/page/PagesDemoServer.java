package edu.lanyard.authorize.page;

import edu.lanyard.core.config.Branding;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A tiny server on 127.0.0.1 that mounts the pages the way the authorize flow will: SecurityHeaders first, assets,
 * then throwaway handlers (the login POST always answers "wrong password").
 */
final class PagesDemoServer implements AutoCloseable {

    static final String CLIENT_NAME = "Course Portal 课程中心";
    static final String RID = "rid-demo-123";

    private final Vertx vertx;
    private final HttpServer server;

    private PagesDemoServer(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    static PagesDemoServer start() throws Exception {
        return start(Branding.none());
    }

    /** The same pages with an institution's {@code branding}, wired as the authorize service wires it. */
    static PagesDemoServer start(Branding branding) throws Exception {
        Vertx vertx = Vertx.vertx();
        Assets assets = Assets.load(Assets.DEFAULT_MOUNT, branding);
        PageRenderer renderer = PageRenderer.create(assets, branding);
        CsrfTokens csrf = CsrfTokens.withRandomKey();
        Router router = Router.router(vertx);
        router.route().handler(SecurityHeaders.forBranding(branding));
        router.get("/assets/*").handler(new AssetsHandler(assets));
        router.post().handler(BodyHandler.create().setBodyLimit(16 * 1024));
        router.get("/login").handler(ctx -> showLogin(ctx, renderer, csrf, null, null));
        router.post("/login").handler(ctx -> {
            String username = ctx.request().getFormAttribute("username");
            LoginProblem problem = csrf.verify(ctx, ctx.request().getFormAttribute("rid"))
                    ? LoginProblem.INVALID_CREDENTIALS
                    : LoginProblem.FORM_EXPIRED;
            showLogin(ctx, renderer, csrf, username, problem);
        });
        router.get("/consent").handler(ctx -> HtmlResponse.send(ctx, new ConsentPage(PageContext.of(ctx, null),
                CLIENT_NAME, "/consent", RID, csrf.issue(ctx, RID),
                List.of("openid", "profile", "email", "offline_access", "course:read"), "2023012345 · 李华")
                .render(renderer)));
        router.get("/error").handler(ctx -> {
            ErrorPage page = new ErrorPage(PageContext.of(ctx, null), ErrorKind.INVALID_REDIRECT_URI,
                    "invalid_request", "redirect_uri https://evil.example/cb is not registered for client portal");
            HtmlResponse.send(ctx, page.status(), page.render(renderer));
        });
        router.get("/logout").handler(ctx -> HtmlResponse.send(ctx, LogoutPage.confirm(PageContext.of(ctx, null),
                "/logout", csrf.issue(ctx, "logout"), Map.of("state", "xyz"), CLIENT_NAME).render(renderer)));
        router.post("/logout").handler(ctx -> HtmlResponse.send(ctx, LogoutPage.signedOut(
                PageContext.of(ctx, null, "/logout"), CLIENT_NAME, "https://portal.example.edu/").render(renderer)));
        // For checking Chromium's form-action behaviour on redirects after a POST.
        router.get("/redirecting-form").handler(ctx -> {
            String target = ctx.request().getParam("target");
            if ("true".equals(ctx.request().getParam("allow"))) {
                SecurityHeaders.allowFormRedirectTo(ctx, target);
            }
            showLogin(ctx, renderer, csrf, null, null, "/redirect?target=" + target);
        });
        router.post("/redirect").handler(ctx -> ctx.response().setStatusCode(303)
                .putHeader("Location", ctx.request().getParam("target")).end());
        router.get("/landed").handler(ctx -> HtmlResponse.send(ctx, "<!DOCTYPE html><title>landed</title><p>landed"));
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return new PagesDemoServer(vertx, server);
    }

    private static void showLogin(RoutingContext ctx, PageRenderer renderer, CsrfTokens csrf, String username,
                                  LoginProblem problem) {
        showLogin(ctx, renderer, csrf, username, problem, "/login");
    }

    private static void showLogin(RoutingContext ctx, PageRenderer renderer, CsrfTokens csrf, String username,
                                  LoginProblem problem, String action) {
        PageContext context = PageContext.of(ctx, null, "/login?rid=" + RID);
        LoginPage page = new LoginPage(context, CLIENT_NAME, action, RID, csrf.issue(ctx, RID), username, problem);
        HtmlResponse.send(ctx, page.render(renderer));
    }

    int port() {
        return server.actualPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
