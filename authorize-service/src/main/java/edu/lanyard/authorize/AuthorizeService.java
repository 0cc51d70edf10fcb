package edu.lanyard.authorize;

import edu.lanyard.common.runtime.Platform;
import io.vertx.ext.web.Router;

/** The authorize service's routes: authorization endpoint, login and consent pages, logout. */
public final class AuthorizeService {
    private AuthorizeService() {
    }

    public static void mount(Router router, Platform platform) {
        // Filled by the browser sign-in work (issue 3).
    }
}
