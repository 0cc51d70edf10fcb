package edu.lanyard.launcher;

import edu.lanyard.common.runtime.Platform;
import io.vertx.ext.web.Router;

/** A service's routes, mounted onto a router. The launcher is the only place that knows all services. */
@FunctionalInterface
public interface ServiceMount {
    void mount(Router router, Platform platform);
}
