package edu.lanyard.devkit.memory;

import edu.lanyard.core.domain.User;
import edu.lanyard.core.user.PasswordCheck;
import edu.lanyard.core.user.UserLookup;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A user directory in memory, with the passwords kept as given: a test checks what a grant decides on a right or a
 * wrong password, not how passwords are hashed (PasswordHasher has tests of its own).
 */
public final class MemoryUsers implements UserLookup {
    private final Map<String, User> bySubject = new ConcurrentHashMap<>();
    private final Map<String, String> passwords = new ConcurrentHashMap<>();

    /** Adds a user with the given login name and password; its subject is {@code sub-<username>}. */
    public User add(String username, String password) {
        User user = User.local("sub-" + username, username, "(kept in this map)", "Test " + username,
                username + "@example.edu", null, Map.of(), Instant.parse("2030-01-01T00:00:00Z"));
        bySubject.put(user.subject(), user);
        passwords.put(user.subject(), password);
        return user;
    }

    /** The help desk's disable: the user keeps the password but may not sign in. */
    public void disable(String subject) {
        bySubject.computeIfPresent(subject, (key, user) -> user.withDisabled(true));
    }

    public void remove(String subject) {
        bySubject.remove(subject);
        passwords.remove(subject);
    }

    @Override
    public Future<Optional<User>> byUsername(String username) {
        return Future.succeededFuture(bySubject.values().stream()
                .filter(user -> user.username().toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT)))
                .findFirst());
    }

    /** The username or the email, ignoring case. */
    @Override
    public Future<Optional<User>> byLogin(String login) {
        return Future.succeededFuture(bySubject.values().stream()
                .filter(user -> user.username().equalsIgnoreCase(login)
                        || user.email() != null && user.email().equalsIgnoreCase(login))
                .findFirst());
    }

    @Override
    public Future<Optional<User>> bySubject(String subject) {
        return Future.succeededFuture(Optional.ofNullable(bySubject.get(subject)));
    }

    /** Accepts exactly the password a user was added with; nobody's for a null user. */
    public PasswordCheck passwordCheck() {
        return (user, password) -> Future.succeededFuture(
                user != null && password != null && password.equals(passwords.get(user.subject())));
    }
}
