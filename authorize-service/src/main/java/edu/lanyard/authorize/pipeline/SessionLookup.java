package edu.lanyard.authorize.pipeline;

import edu.lanyard.core.session.SessionRecord;
import io.vertx.core.Future;

import java.util.Optional;

/** Finds the SSO session behind a browser's cookie. */
public interface SessionLookup {

    /**
     * The session stored under {@code cookieValue}, if it still lives (not past its absolute end); finding it counts
     * as activity and renews its idle timeout.
     */
    Future<Optional<SessionRecord>> live(String cookieValue);
}
