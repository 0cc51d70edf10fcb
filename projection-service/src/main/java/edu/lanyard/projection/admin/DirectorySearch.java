package edu.lanyard.projection.admin;

import edu.lanyard.core.domain.User;
import edu.lanyard.core.user.DirectoryPeople;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Users page's view of the campus directory (ldap.enabled): a search also asks the directory and adds the people
 * who have no local copy yet ({@code origin: DIRECTORY}, {@code local_copy: false}); a user name Lanyard does not
 * hold is looked up in the directory and shown from there. Without a directory, or asked by subject (which only a
 * local copy has), nothing changes. Every row says where it comes from: {@code local_copy} is true for Lanyard's
 * own users and for directory users' copies.
 */
final class DirectorySearch {
    private static final Logger LOG = LoggerFactory.getLogger(DirectorySearch.class);
    private final Optional<DirectoryPeople> directory;
    private final UserViews views;

    DirectorySearch(Optional<DirectoryPeople> directory, UserViews views) {
        this.directory = directory;
        this.views = views;
    }

    /** Lanyard's matches first, then the directory's people of other user names, at most {@code limit} rows. */
    Future<JsonObject> alongside(List<User> local, String query, int limit) {
        List<JsonObject> rows = new ArrayList<>();
        local.forEach(user -> rows.add(views.summary(user).put("local_copy", true)));
        if (directory.isEmpty() || local.size() >= limit) {
            return Future.succeededFuture(answer(rows, null));
        }
        Set<String> held = local.stream().map(user -> key(user.username())).collect(Collectors.toSet());
        return directory.get().search(query, limit).map(people -> {
            people.stream().filter(person -> person.username() != null && !held.contains(key(person.username())))
                    .limit(limit - rows.size())
                    .forEach(person -> rows.add(summary(person)));
            return answer(rows, "searched");
        }).recover(unreachable -> {
            // Neither the query nor a secret: the failure names the step and the servers only.
            LOG.warn("campus directory search failed; answering Lanyard's own users only: {}",
                    unreachable.getMessage());
            return Future.succeededFuture(answer(rows, "unreachable"));
        });
    }

    /**
     * When Lanyard holds no such user and the operator did not ask by subject: the directory's profile, or the
     * original failure (404) when the directory does not know the name either.
     */
    Future<JsonObject> profileWithoutLocalCopy(Throwable failure, String user, String by) {
        boolean notFound = failure instanceof AdminException refused && refused.status() == 404;
        if (!notFound || directory.isEmpty() || "subject".equals(by)) {
            return Future.failedFuture(failure);
        }
        return directory.get().find(user).compose(person -> person.map(found -> Future.succeededFuture(
                        profile(found)))
                .orElseGet(() -> Future.failedFuture(failure)));
    }

    private static JsonObject summary(DirectoryPeople.Person person) {
        return new JsonObject().put("subject", null).put("username", person.username()).put("name", person.name())
                .put("email", person.email()).put("origin", User.Origin.DIRECTORY.name()).put("disabled", false)
                .put("local_copy", false);
    }

    private static JsonObject profile(DirectoryPeople.Person person) {
        JsonObject attributes = new JsonObject();
        person.attributes().forEach((name, value) -> attributes.put(name, value instanceof List<?> many
                ? new JsonArray(List.copyOf(many)) : value));
        return summary(person).put("phone", person.phone()).put("roles", new JsonArray(person.roles()))
                .put("attributes", attributes).put("has_password", false).put("locked", false)
                .put("locked_until", null).put("created_at", null).put("updated_at", null);
    }

    private static JsonObject answer(List<JsonObject> rows, String directoryState) {
        JsonObject answer = new JsonObject().put("users", new JsonArray(rows));
        // "searched", "unreachable" (Lanyard's own matches only), or absent without a directory.
        return directoryState == null ? answer : answer.put("directory", directoryState);
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
