package edu.lanyard.projection.admin;

import edu.lanyard.core.crypto.PasswordHasher;
import edu.lanyard.core.domain.User;
import edu.lanyard.core.event.AccountUnlocked;
import edu.lanyard.core.event.EventMeta;
import edu.lanyard.core.event.LifecycleEvent;
import edu.lanyard.core.event.PasswordReset;
import edu.lanyard.core.event.UserDisabled;
import edu.lanyard.core.event.UserEnabled;
import edu.lanyard.core.ledger.Ledger;
import edu.lanyard.core.runtime.Platform;
import edu.lanyard.directory.db.UserRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The help desk's account operations: unlock, disable, enable and set a local password. Each is an operator's
 * {@linkplain Ledger#react security reaction}: it takes effect even while the event log is down, and its event (which
 * names the operator) follows; the answer counts the events the log did not take, as the revocations do.
 *
 * <p>Users are read from Postgres, not from the directory cache: the operator acts on what is stored now. Writing
 * {@code users} notifies every node, which drops its cached copy, so a disabled user is refused sign-in everywhere
 * within moments.
 */
final class HelpDesk {
    static final int MIN_PASSWORD_LENGTH = 8;
    static final int MAX_PASSWORD_LENGTH = 1024;

    private final Platform platform;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final AdminRevocations revocations;

    HelpDesk(Platform platform, UserRepository users, PasswordHasher hasher, AdminRevocations revocations) {
        this.platform = platform;
        this.users = users;
        this.hasher = hasher;
        this.revocations = revocations;
    }

    /** Who the operator means and who acts, and from where: what every operation needs. */
    record Request(User user, String actor, String ip) {
    }

    /**
     * The user named by subject or user name; {@code by} narrows it to one ("subject" or "username"), else a subject
     * is tried first.
     */
    Future<User> find(String user, String by) {
        if (by != null && !by.equals("subject") && !by.equals("username")) {
            return Future.failedFuture(AdminException.badRequest("by must be subject or username"));
        }
        Future<Optional<User>> found = "username".equals(by) ? users.findByUsername(user)
                : users.findBySubject(user).compose(bySubject -> bySubject.isPresent() || "subject".equals(by)
                ? Future.succeededFuture(bySubject) : users.findByUsername(user));
        return found.compose(match -> match.map(Future::succeededFuture)
                .orElseGet(() -> Future.failedFuture(AdminException.notFound("no user " + user))));
    }

    /** Lifts the lockout of the user's account (its canonical user name) and forgets its failures. */
    Future<JsonObject> unlock(Request request) {
        User user = request.user();
        return react(request, meta -> new AccountUnlocked(meta, user.subject(), user.username(), request.actor()),
                () -> platform.signIn().throttle().unlock(user.username()))
                .map(unlogged -> answer(user, unlogged).put("unlocked", true));
    }

    /**
     * Marks the user disabled, then ends every session and revokes every token family of the user. The flag comes
     * first: a sign-in racing with the revocations is already refused, and a refresh of a family the projections did
     * not know yet fails on the flag.
     */
    Future<JsonObject> disable(Request request) {
        User user = request.user();
        return react(request, meta -> new UserDisabled(meta, user.subject(), user.username(), request.actor()),
                () -> users.setDisabled(user.subject(), true).compose(HelpDesk::existed))
                .compose(unlogged -> revocations.revokeUser(user.subject(), request.ip(), request.actor()).map(outcome ->
                        outcome.toJson().put("subject", user.subject()).put("username", user.username())
                                .put("disabled", true)
                                .put("events_unlogged", outcome.unlogged() + unlogged)));
    }

    /** Lets the user sign in again; what was ended while disabled stays ended. */
    Future<JsonObject> enable(Request request) {
        User user = request.user();
        return react(request, meta -> new UserEnabled(meta, user.subject(), user.username(), request.actor()),
                () -> users.setDisabled(user.subject(), false).compose(HelpDesk::existed))
                .map(unlogged -> answer(user, unlogged).put("disabled", false));
    }

    /**
     * Sets a new password for a local user, given or (when {@code password} is null) generated and answered once, and
     * lifts the lockout. A directory user's password lives in the directory: refused.
     */
    Future<JsonObject> setPassword(Request request, String password) {
        User user = request.user();
        if (user.origin() == User.Origin.DIRECTORY) {
            return Future.failedFuture(new AdminException(409, "directory_user", "user " + user.username()
                    + " comes from the campus directory, which holds their password; change it there"));
        }
        Optional<String> problem = password == null ? Optional.empty() : problem(password);
        if (problem.isPresent()) {
            return Future.failedFuture(AdminException.badRequest(problem.get()));
        }
        boolean generated = password == null;
        String chosen = generated ? GeneratedPasswords.next() : password;
        return hasher.hash(platform.vertx(), chosen).compose(hash -> react(request,
                        meta -> new PasswordReset(meta, user.subject(), user.username(), request.actor(), generated),
                        () -> users.setLocalPasswordHash(user.subject(), hash).compose(HelpDesk::existed)
                                .compose(v -> platform.signIn().throttle().unlock(user.username()))))
                .map(unlogged -> {
                    JsonObject body = answer(user, unlogged).put("password_reset", true).put("unlocked", true);
                    // Shown once, to the operator who asked; Lanyard keeps only the hash.
                    return generated ? body.put("password", chosen) : body;
                });
    }

    /** Why a password given by the operator is refused, if it is; never quotes the password. */
    static Optional<String> problem(String password) {
        if (password.length() < MIN_PASSWORD_LENGTH) {
            return Optional.of("the password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            return Optional.of("the password must have at most " + MAX_PASSWORD_LENGTH + " characters");
        }
        if (password.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("the password must not contain control characters (such as a line break)");
        }
        if (password.isBlank()) {
            return Optional.of("the password must not be only spaces");
        }
        return Optional.empty();
    }

    /** Applies the change and logs its event; answers how many events the log did not take (0 or 1). */
    private Future<Integer> react(Request request, Function<EventMeta, LifecycleEvent> event,
                                  Supplier<Future<Void>> apply) {
        return platform.ledger().react(Ledger.by(request.ip(), event), apply).appliedThenLogged()
                .map(logged -> logged ? 0 : 1);
    }

    /** The user was deleted between being found and being changed. */
    private static Future<Void> existed(boolean changed) {
        return changed ? Future.succeededFuture()
                : Future.failedFuture(AdminException.notFound("the user no longer exists"));
    }

    private static JsonObject answer(User user, int unlogged) {
        return new JsonObject().put("subject", user.subject()).put("username", user.username())
                .put("events_unlogged", unlogged);
    }
}
