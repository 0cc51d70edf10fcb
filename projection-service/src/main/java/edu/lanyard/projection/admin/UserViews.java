package edu.lanyard.projection.admin;

import edu.lanyard.core.domain.User;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** How the operator API shows a user: never the password hash, only whether there is one. */
final class UserViews {
    JsonObject summary(User user) {
        return new JsonObject().put("subject", user.subject()).put("username", user.username())
                .put("name", user.name()).put("email", user.email()).put("origin", user.origin().name())
                .put("disabled", user.disabled());
    }

    /** @param lockedUntil when the account's sign-in lock ends, or null when it is not locked */
    JsonObject profile(User user, Instant lockedUntil) {
        JsonObject attributes = new JsonObject();
        user.attributes().forEach((name, value) -> attributes.put(name, value instanceof Collection<?> many
                ? new JsonArray(List.copyOf(many)) : value));
        return summary(user).put("phone", user.phone())
                .put("roles", roles(user.attributes().get("roles")))
                .put("attributes", attributes)
                .put("has_password", user.passwordHash() != null)
                .put("locked", lockedUntil != null)
                .put("locked_until", lockedUntil == null ? null : lockedUntil.toString())
                .put("created_at", user.createdAt() == null ? null : user.createdAt().toString())
                .put("updated_at", user.updatedAt() == null ? null : user.updatedAt().toString());
    }

    private static JsonArray roles(Object value) {
        if (value instanceof Collection<?> many) {
            return new JsonArray(many.stream().map(String::valueOf).toList());
        }
        return value == null ? new JsonArray() : new JsonArray().add(String.valueOf(value));
    }
}
