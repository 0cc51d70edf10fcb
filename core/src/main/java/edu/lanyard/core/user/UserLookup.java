package edu.lanyard.core.user;

import edu.lanyard.core.domain.User;
import io.vertx.core.Future;

import java.util.Optional;

/** Finds users; implementations cache, since sign-in peaks read the same users many times. */
public interface UserLookup {
    Future<Optional<User>> byUsername(String username);

    Future<Optional<User>> bySubject(String subject);

    /**
     * The user a typed login name means: the username, or any other configured login attribute (email, campus
     * number). The default knows usernames only.
     */
    default Future<Optional<User>> byLogin(String login) {
        return byUsername(login);
    }
}
