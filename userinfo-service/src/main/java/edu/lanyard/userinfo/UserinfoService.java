package edu.lanyard.userinfo;

import edu.lanyard.common.runtime.Platform;
import io.vertx.ext.web.Router;

import static edu.lanyard.common.metrics.HttpMetrics.named;

/** The userinfo service's routes. */
public final class UserinfoService {
    private UserinfoService() {
    }

    public static void mount(Router router, Platform p) {
        UserinfoEndpoint userinfo = new UserinfoEndpoint(p.validator(), p.users());
        router.get("/oauth2/userinfo").handler(named("userinfo", userinfo));
        router.post("/oauth2/userinfo").handler(named("userinfo", userinfo));
    }
}
