package edu.lanyard.launcher;

import edu.lanyard.cluster.jose.SigningKeys;
import edu.lanyard.core.runtime.Platform;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;

/**
 * A service with a life of its own beside its routes, such as the projector's consumer thread: started once per
 * process after the platform is built, stopped with the node. (A {@link ServiceMount} only adds routes, once per
 * HTTP verticle.)
 */
@FunctionalInterface
public interface NodeService {
    /** @param signingKeys the cluster's key ring (the operator API reports and re-seals it) */
    Running start(Platform platform, Infrastructure infrastructure, SigningKeys signingKeys) throws Exception;

    /** A started service: its routes, its readiness, and how to stop it. */
    interface Running extends AutoCloseable {
        String name();

        /** Called once per HTTP verticle. */
        void mount(Router router);

        /** Fails while the service cannot do its work; part of {@code /health/ready}. */
        Future<?> health();

        @Override
        void close();
    }
}
