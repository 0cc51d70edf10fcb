package edu.lanyard.ldap;

import edu.lanyard.core.domain.User;
import io.vertx.core.Future;

import java.util.Optional;

/**
 * Where the local copies of directory users live (Postgres' users table on a node: every node's user cache hears of a
 * change), so userinfo, ID tokens and the dialects' profiles read them without asking the directory.
 */
public interface DirectoryCopies {
    Future<Optional<User>> byUsername(String username);

    /** Inserts or refreshes the copy (keyed on username); answers the stored record. */
    Future<User> save(User copy);
}
