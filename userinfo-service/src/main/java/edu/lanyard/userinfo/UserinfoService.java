package edu.lanyard.userinfo;

import edu.lanyard.core.runtime.Platform;
import edu.lanyard.dialects.DialectRoutes;
import edu.lanyard.dialects.ProductDialect;
import edu.lanyard.dialects.ProductDialects;
import edu.lanyard.dialects.http.Cors;
import edu.lanyard.dialects.maxkey.MaxKeyDialect;
import edu.lanyard.dialects.maxkey.MaxKeyEndpoints;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;

import java.util.List;

import static edu.lanyard.dialects.http.HttpMetrics.named;

/** The userinfo service's routes: OIDC userinfo and every enabled dialect's profile endpoints. */
public final class UserinfoService {
    private UserinfoService() {
    }

    public static void mount(Router router, Platform p) {
        UserinfoEndpoint userinfo = new UserinfoEndpoint(p.validator(), p.users());
        // A browser app reads the profile itself with its access token: only from registered origins.
        Cors browsers = Cors.registeredOrigins(p.clients()::browserOrigins);
        browsers.route(router, "/oauth2/userinfo", List.of(HttpMethod.GET, HttpMethod.POST), userinfo,
                h -> named("userinfo", h));
        for (ProductDialect dialect : ProductDialects.enabled(p.config().dialects())) {
            DialectRoutes.mount(router, dialect, dialect.profileEndpoints(), "profile",
                    new DialectProfileEndpoint(dialect, p.validator(), p.users(), p.clients()), browsers);
            if (dialect instanceof MaxKeyDialect maxKey) {
                DialectRoutes.mount(router, maxKey, MaxKeyEndpoints.OIDC_USERINFO, "oidc_userinfo",
                        new DialectProfileEndpoint(maxKey, p.validator(), p.users(), p.clients(),
                                new MaxKeyOidcUserinfo(maxKey, p.idTokens())),
                        browsers);
            }
        }
    }
}
