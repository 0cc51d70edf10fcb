package edu.lanyard.userinfo;

import edu.lanyard.common.dialect.DialectRoutes;
import edu.lanyard.common.dialect.ProductDialect;
import edu.lanyard.common.dialect.ProductDialects;
import edu.lanyard.common.runtime.Platform;
import io.vertx.ext.web.Router;

import static edu.lanyard.common.metrics.HttpMetrics.named;

/** The userinfo service's routes: OIDC userinfo and every enabled dialect's profile endpoints. */
public final class UserinfoService {
    private UserinfoService() {
    }

    public static void mount(Router router, Platform p) {
        UserinfoEndpoint userinfo = new UserinfoEndpoint(p.validator(), p.users());
        router.get("/oauth2/userinfo").handler(named("userinfo", userinfo));
        router.post("/oauth2/userinfo").handler(named("userinfo", userinfo));
        for (ProductDialect dialect : ProductDialects.enabled(p.config().dialects())) {
            DialectRoutes.mount(router, dialect, dialect.profileEndpoints(), "profile",
                    new DialectProfileEndpoint(dialect, p.validator(), p.users(), p.clients()));
        }
    }
}
