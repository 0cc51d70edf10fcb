package edu.lanyard.authorize.pipeline;

import edu.lanyard.authorize.AuthorizationRequest;
import io.vertx.core.Future;

import java.util.Optional;

/**
 * Checked authorization requests waiting while the user fills in the login or consent form, under a random request
 * id the form carries. Kept in the cluster, so the form may come back to any node.
 */
public interface PendingAuthorizations {

    /** Keeps {@code request} for a while; answers its request id. */
    Future<String> park(AuthorizationRequest request);

    /** The request parked under {@code rid}, unless it expired or was taken up; empty for a missing id. */
    Future<Optional<AuthorizationRequest>> parked(String rid);

    /** Forgets it, so a form cannot be posted twice. */
    Future<Void> forget(String rid);
}
