package edu.lanyard.launcher;

import edu.lanyard.core.runtime.Platform;
import io.vertx.ext.web.Router;

/** A service's routes, mounted onto a router. The launcher is the only place that knows all services. */
@FunctionalInterface
public interface ServiceMount {
    void mount(Router router, Platform platform);
}
