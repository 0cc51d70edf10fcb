package edu.lanyard.authorize;

import edu.lanyard.authorize.cas.CasProtocol;
import edu.lanyard.authorize.page.Assets;
import edu.lanyard.authorize.page.AssetsHandler;
import edu.lanyard.authorize.page.PageRenderer;
import edu.lanyard.authorize.page.SecurityHeaders;
import edu.lanyard.core.config.Branding;
import edu.lanyard.core.runtime.Platform;
import edu.lanyard.core.store.KeyValueMap;
import edu.lanyard.core.store.Sessions;
import edu.lanyard.core.store.StoreMaps;
import edu.lanyard.dialects.DialectEndpoint;
import edu.lanyard.dialects.DialectRoutes;
import edu.lanyard.dialects.cas.CasDialect;
import edu.lanyard.dialects.maxkey.MaxKeyDialect;
import edu.lanyard.dialects.maxkey.MaxKeyEndpoints;
import edu.lanyard.dialects.ProductDialect;
import edu.lanyard.dialects.ProductDialects;
import io.vertx.core.Context;
import io.vertx.core.shareddata.Shareable;
import io.vertx.ext.web.Router;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static edu.lanyard.dialects.http.HttpMetrics.named;

/**
 * The authorize service's routes: authorization endpoint, login and consent pages, logout, page assets; and each
 * enabled product dialect's authorize aliases and logout under its prefix.
 */
public final class AuthorizeService {
    private AuthorizeService() {
    }

    /**
     * What every event loop's routes share. Building it reads the classpath (templates, assets) and the cluster (the
     * CSRF key), so it is built once per process, on the first mount, and kept with the process's Vert.x instance.
     */
    record SignInParts(Assets assets, SignInFlow flow, List<ProductDialect> dialects,
                       Map<String, FrontChannelDialect> frontChannels) implements Shareable {
        static SignInParts of(Platform platform) {
            return platform.vertx().sharedData().<String, SignInParts>getLocalMap("lanyard.authorize")
                    .computeIfAbsent("sign-in", ignored -> {
                        if (Context.isOnEventLoopThread()) {
                            throw new IllegalStateException("the authorize service must be mounted off the event loop:"
                                    + " building it reads templates and the cluster");
                        }
                        Branding branding = platform.config().branding();
                        Assets assets = Assets.load(Assets.DEFAULT_MOUNT, branding);
                        List<ProductDialect> dialects = ProductDialects.enabled(platform.config().dialects());
                        Map<String, FrontChannelDialect> frontChannels = new HashMap<>();
                        dialects.forEach(d -> frontChannels.put(d.name(), new ProductFrontChannel(d)));
                        return new SignInParts(assets, AuthorizeService.flow(platform,
                                PageRenderer.create(assets, branding), frontChannels), dialects,
                                Map.copyOf(frontChannels));
                    });
        }
    }

    /** Mounts the routes; the first call in a process blocks briefly, so call it off the event loop. */
    /** A back-channel logout notice that takes longer is abandoned (it never delays the logout answer anyway). */
    private static final java.time.Duration BACK_CHANNEL_TIMEOUT = java.time.Duration.ofSeconds(5);

    public static void mount(Router router, Platform platform) {
        SignInParts parts = SignInParts.of(platform);
        SignInFlow flow = parts.flow();
        SecurityHeaders headers = SecurityHeaders.forBranding(platform.config().branding());
        AuthorizeEndpoint authorize = new AuthorizeEndpoint(flow.steps().standardAuthorize(), flow.cookie(),
                flow.outcomes());
        LogoutEndpoint logout = new LogoutEndpoint(flow);
        router.get(parts.assets().mount() + "*").handler(named("assets", new AssetsHandler(parts.assets())));
        BrowserBadRequests badRequests = new BrowserBadRequests(flow);
        for (String path : new String[]{"/oauth2/authorize", "/oauth2/login", "/oauth2/consent", "/oauth2/logout"}) {
            router.route(path).handler(headers).failureHandler(badRequests);
        }
        router.get("/oauth2/authorize").handler(named("authorize", authorize));
        router.post("/oauth2/authorize").handler(named("authorize", authorize));
        router.post("/oauth2/login").handler(named("login", new LoginEndpoint(flow)));
        router.post("/oauth2/consent").handler(named("consent", new ConsentEndpoint(flow)));
        router.get("/oauth2/logout").handler(named("logout", logout));
        router.post("/oauth2/logout").handler(named("logout", logout));
        for (ProductDialect dialect : parts.dialects()) {
            mountDialect(router, dialect, flow, headers, badRequests, parts.frontChannels().get(dialect.name()));
        }
    }

    /** A product's authorize aliases and logout under its prefix; its login and consent are Lanyard's pages. */
    private static void mountDialect(Router router, ProductDialect dialect, SignInFlow flow, SecurityHeaders headers,
                                     BrowserBadRequests badRequests, FrontChannelDialect frontChannel) {
        BrowserBadRequests productBadRequests = badRequests.answeringLike(frontChannel);
        for (DialectEndpoint endpoint : dialect.authorizeEndpoints()) {
            router.route(dialect.prefix() + endpoint.path()).handler(headers).failureHandler(productBadRequests);
        }
        for (DialectEndpoint endpoint : dialect.logoutEndpoints()) {
            router.route(dialect.prefix() + endpoint.path()).handler(headers).failureHandler(productBadRequests);
        }
        String issuer = flow.platform().issuer();
        Function<String, String> loginRedirect = dialect.signsInThroughLoginPath()
                ? query -> CasLoginEndpoint.loginRedirect(issuer, dialect.prefix(), query) : null;
        DialectRoutes.mount(router, dialect, dialect.authorizeEndpoints(), "authorize",
                new AuthorizeEndpoint(flow.steps().productAuthorize(frontChannel), flow.cookie(), flow.outcomes(),
                        frontChannel, loginRedirect));
        CasProtocol cas = dialect instanceof CasDialect casDialect ? casProtocol(flow, casDialect) : null;
        if (dialect.signsInThroughLoginPath()) {
            router.route(dialect.prefix() + CasLoginEndpoint.PATH).handler(headers).failureHandler(badRequests);
            router.get(dialect.prefix() + CasLoginEndpoint.PATH).handler(named("login", new CasLoginEndpoint(
                    flow.steps().productAuthorize(frontChannel), flow, dialect.prefix(),
                    cas == null ? null : cas.login())));
            if (cas != null) {
                router.post(dialect.prefix() + CasLoginEndpoint.PATH).handler(named("login", cas.login()::post));
            }
        }
        if (cas != null) {
            cas.mountValidation(router, dialect.prefix());
        }
        DialectRoutes.mount(router, dialect, dialect.logoutEndpoints(), "logout",
                new DialectLogoutEndpoint(dialect, flow, cas == null ? null : cas.singleLogout()));
        if (dialect instanceof MaxKeyDialect maxKey) {
            // A JSON API: a request that cannot be read gets MaxKey's JSON error (the node's dialect failure
            // handler), not the browser error page.
            for (DialectEndpoint endpoint : MaxKeyEndpoints.API_LOGOUT) {
                router.route(dialect.prefix() + endpoint.path()).handler(headers);
            }
            DialectRoutes.mount(router, dialect, MaxKeyEndpoints.API_LOGOUT, "api_logout",
                    new MaxKeyApiLogout(maxKey, flow, new BackChannelLogout(BACK_CHANNEL_TIMEOUT,
                            flow.platform().clock())));
        }
        for (String base : dialect.clientShortcutBases()) {
            mountClientShortcut(router, dialect.prefix() + base, flow, headers, badRequests);
        }
    }

    /** MaxKey's {@code {base}/{client_id}} link and {@code {base}/authorize/approval}, the consent form's target. */
    private static void mountClientShortcut(Router router, String base, SignInFlow flow, SecurityHeaders headers,
                                            BrowserBadRequests badRequests) {
        // Only a last segment that is no endpoint of its own: token, me, … keep their own headers and errors.
        router.getWithRegex(ClientShortcutEndpoint.pathRegex(base)).handler(headers)
                .handler(named("authorize", new ClientShortcutEndpoint(flow, base + ClientShortcutEndpoint.AUTHORIZE)))
                .failureHandler(badRequests);
        router.route(base + ClientShortcutEndpoint.APPROVAL).handler(headers).failureHandler(badRequests);
        router.post(base + ClientShortcutEndpoint.APPROVAL).handler(named("consent", new ConsentEndpoint(flow)));
    }

    /** One CAS protocol per process and mount: it holds the HTTP client of proxy callbacks and logout notices. */
    private static CasProtocol casProtocol(SignInFlow flow, CasDialect dialect) {
        return flow.platform().vertx().sharedData().<String, CasProtocol>getLocalMap("lanyard.authorize")
                .computeIfAbsent("cas-protocol:" + dialect.prefix(),
                        ignored -> CasProtocol.create(flow, dialect.prefix(), dialect.options()));
    }

    static SignInFlow flow(Platform platform, PageRenderer pages, Map<String, FrontChannelDialect> dialects) {
        var maps = platform.sharedMaps();
        return new SignInFlow(platform, platform.sessions(), CsrfKey.shared(maps), pages,
                new ClusterPendingAuthorizations(maps.map("lanyard.pending-authorizations")),
                new ClusterConsents(platform.ledger(), maps.map(StoreMaps.CONSENTS)),
                dialects);
    }
}
