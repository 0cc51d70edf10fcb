package edu.lanyard.launcher;

import edu.lanyard.cluster.jose.SigningKeys;
import edu.lanyard.core.runtime.Platform;
import edu.lanyard.projection.ProjectionService;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;

/** The projection service (projector and operator API) as a part of a node. */
final class ProjectionNodeService implements NodeService {
    @Override
    public Running start(Platform platform, Infrastructure infrastructure, SigningKeys signingKeys) {
        ProjectionService service = ProjectionService.start(platform, infrastructure.kafkaBootstrap(), true,
                signingKeys);
        return new Running() {
            @Override
            public String name() {
                return "projection";
            }

            @Override
            public void mount(Router router) {
                service.mount(router);
            }

            @Override
            public Future<?> health() {
                return service.health();
            }

            @Override
            public void close() {
                service.close();
            }
        };
    }
}
