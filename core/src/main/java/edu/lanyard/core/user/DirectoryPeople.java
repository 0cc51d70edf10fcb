package edu.lanyard.core.user;

import io.vertx.core.Future;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The campus directory as the operator sees it: people found by part of a login name, and one person's profile, read
 * from the directory itself (whether or not they ever signed in and have a local copy). Implementations run every
 * directory call on a worker and escape what is typed (no filter injection); a directory that cannot be reached
 * fails the future with {@link edu.lanyard.core.store.StoreUnavailableException}.
 */
public interface DirectoryPeople {

    /** At most {@code limit} people whose login attributes contain {@code text}. */
    Future<List<Person>> search(String text, int limit);

    /** The one person whose login name is {@code login}; empty if none, or if the name is ambiguous. */
    Future<Optional<Person>> find(String login);

    /** One directory entry mapped to Lanyard's fields (ldap.attributes); never a password or its hash. */
    record Person(String username, String name, String email, String phone, List<String> roles,
                  Map<String, Object> attributes) {
        public Person {
            roles = roles == null ? List.of() : List.copyOf(roles);
            attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        }
    }
}
