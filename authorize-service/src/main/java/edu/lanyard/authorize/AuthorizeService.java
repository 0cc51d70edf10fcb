package edu.lanyard.authorize;

import edu.lanyard.authorize.page.Assets;
import edu.lanyard.authorize.page.AssetsHandler;
import edu.lanyard.authorize.page.CsrfTokens;
import edu.lanyard.authorize.page.PageRenderer;
import edu.lanyard.authorize.page.SecurityHeaders;
import edu.lanyard.common.runtime.Platform;
import edu.lanyard.common.store.KeyValueMap;
import edu.lanyard.common.store.Sessions;
import edu.lanyard.common.store.StoreMaps;
import io.vertx.ext.web.Router;

import java.util.Map;

import static edu.lanyard.common.metrics.HttpMetrics.named;

/** The authorize service's routes: authorization endpoint, login and consent pages, logout, page assets. */
public final class AuthorizeService {
    private AuthorizeService() {
    }

    public static void mount(Router router, Platform platform) {
        Assets assets = Assets.load();
        SignInFlow flow = flow(platform, PageRenderer.create(assets), Map.of());
        SecurityHeaders headers = new SecurityHeaders();
        AuthorizeEndpoint authorize = new AuthorizeEndpoint(flow,
                new AuthorizationRequestParser(platform.clients()), FrontChannelDialect.STANDARD);
        LogoutEndpoint logout = new LogoutEndpoint(flow);
        router.get(assets.mount() + "/*").handler(named("assets", new AssetsHandler(assets)));
        for (String path : new String[]{"/oauth2/authorize", "/oauth2/login", "/oauth2/consent", "/oauth2/logout"}) {
            router.route(path).handler(headers);
        }
        router.get("/oauth2/authorize").handler(named("authorize", authorize));
        router.post("/oauth2/authorize").handler(named("authorize", authorize));
        router.post("/oauth2/login").handler(named("login", new LoginEndpoint(flow)));
        router.post("/oauth2/consent").handler(named("consent", new ConsentEndpoint(flow)));
        router.get("/oauth2/logout").handler(named("logout", logout));
        router.post("/oauth2/logout").handler(named("logout", logout));
    }

    static SignInFlow flow(Platform platform, PageRenderer pages, Map<String, FrontChannelDialect> dialects) {
        var hz = platform.hazelcast();
        return new SignInFlow(platform, new Sessions(platform.vertx(), hz), CsrfKey.shared(hz), pages,
                new KeyValueMap(platform.vertx(), hz, "lanyard.pending-authorizations"),
                new KeyValueMap(platform.vertx(), hz, StoreMaps.CONSENTS), dialects);
    }
}
