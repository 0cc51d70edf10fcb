package edu.lanyard.core.user;

import edu.lanyard.core.domain.User;
import io.vertx.core.Future;

/**
 * Verifies a password off the event loop. Called with a null user it still spends the same work, so response time
 * does not reveal which usernames exist.
 */
@FunctionalInterface
public interface PasswordCheck {
    Future<Boolean> verify(User userOrNull, String password);
}
