package edu.lanyard.directory.db;

import edu.lanyard.core.domain.User;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Users in Postgres. Bind it to a {@code Pool} for ordinary use, or to a {@code SqlConnection} inside a transaction.
 */
public final class UserRepository {
    private static final String COLUMNS = "subject, username, password_hash, name, email, phone, attributes, claims,"
            + " disabled, origin, created_at, updated_at";

    /**
     * Keyed on username: re-importing a user keeps the subject already issued to relying parties, whatever subject the
     * new record carries, and keeps a user the help desk disabled disabled (an import says nothing about that).
     */
    private static final String UPSERT = "insert into users (subject, username, password_hash, name, email, phone,"
            + " attributes, claims, disabled, origin) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
            + " on conflict (username) do update set password_hash = excluded.password_hash, name = excluded.name,"
            + " email = excluded.email, phone = excluded.phone, attributes = excluded.attributes,"
            + " claims = excluded.claims, origin = excluded.origin,"
            // updated_at is the OIDC updated_at claim, when the profile last changed: a re-import that changes
            // nothing leaves it alone, and so does a password (re-hashed with a new salt at every import).
            + " updated_at = case when (users.name, users.email, users.phone, users.attributes,"
            + " users.claims, users.origin) is distinct from (excluded.name, excluded.email,"
            + " excluded.phone, excluded.attributes, excluded.claims, excluded.origin) then now()"
            + " else users.updated_at end"
            + " returning " + COLUMNS;

    private final SqlClient sql;

    public UserRepository(SqlClient sql) {
        this.sql = sql;
    }

    public Future<Optional<User>> findBySubject(String subject) {
        return findOne("subject", subject);
    }

    public Future<Optional<User>> findByUsername(String username) {
        return findOne("username", username);
    }

    public Future<List<User>> findByUsernames(Collection<String> usernames) {
        return sql.preparedQuery("select " + COLUMNS + " from users where username = any($1)")
                .execute(Tuple.tuple().addArrayOfString(usernames.toArray(String[]::new)))
                .map(UserRepository::toUsers);
    }

    /**
     * The users a typed login name can mean under the configured login attributes (see {@link LoginQuery}): at most
     * two, enough to tell one from ambiguous.
     */
    public Future<List<User>> findByLogin(String login, List<String> loginAttributes) {
        return sql.preparedQuery("select " + COLUMNS + " from users where " + LoginQuery.matching(loginAttributes,
                        "$1") + " limit 2")
                .execute(Tuple.of(login))
                .map(UserRepository::toUsers);
    }

    /**
     * Users other than {@code except} (by username) whose username or login attributes, lower-cased, are among
     * {@code values}: what an import must not make ambiguous.
     */
    public Future<List<User>> findHoldingLoginValues(Collection<String> values, List<String> loginAttributes,
                                                     Collection<String> except) {
        if (values.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        return sql.preparedQuery("select " + COLUMNS + " from users where username <> all($2) and ("
                        + LoginQuery.anyOf(loginAttributes, "$1") + ")")
                .execute(Tuple.tuple().addArrayOfString(values.toArray(String[]::new))
                        .addArrayOfString(except.toArray(String[]::new)))
                .map(UserRepository::toUsers);
    }

    /** Inserts the user, or updates the one with the same username; returns the stored record (with its subject). */
    public Future<User> upsert(User user) {
        return sql.preparedQuery(UPSERT)
                .execute(toTuple(user))
                .map(rows -> toUser(rows.iterator().next()));
    }

    public Future<Void> upsertAll(List<User> users) {
        if (users.isEmpty()) {
            return Future.succeededFuture();
        }
        List<Tuple> batch = users.stream().map(UserRepository::toTuple).toList();
        return sql.preparedQuery(UPSERT).executeBatch(batch).mapEmpty();
    }

    /**
     * The help desk's switch: the one write of {@code users.disabled} (imports and directory copies leave it alone).
     *
     * @return false when there is no such user
     */
    public Future<Boolean> setDisabled(String subject, boolean disabled) {
        return sql.preparedQuery("update users set disabled = $2, updated_at = now() where subject = $1")
                .execute(Tuple.of(subject, disabled))
                .map(rows -> rows.rowCount() > 0);
    }

    /**
     * A new password hash for a local user; a directory user's password lives in the directory and is never set here.
     *
     * @return false when there is no such local user
     */
    public Future<Boolean> setLocalPasswordHash(String subject, String passwordHash) {
        return sql.preparedQuery("update users set password_hash = $2, updated_at = now()"
                        + " where subject = $1 and origin = 'local'")
                .execute(Tuple.of(subject, passwordHash))
                .map(rows -> rows.rowCount() > 0);
    }

    /**
     * Users whose user name, name or e-mail contains {@code text} (case-insensitive; {@code %} and {@code _} are
     * literal), user names first, at most {@code limit}: the operator console's user search.
     */
    public Future<List<User>> search(String text, int limit) {
        String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return sql.preparedQuery("select " + COLUMNS + " from users where username ilike $1 or name ilike $1"
                        + " or email ilike $1 or subject = $2 order by username limit " + Math.max(1, limit))
                .execute(Tuple.of(pattern, text))
                .map(UserRepository::toUsers);
    }

    public Future<Boolean> delete(String subject) {
        return sql.preparedQuery("delete from users where subject = $1")
                .execute(Tuple.of(subject))
                .map(rows -> rows.rowCount() > 0);
    }

    private Future<Optional<User>> findOne(String column, String value) {
        return sql.preparedQuery("select " + COLUMNS + " from users where " + column + " = $1")
                .execute(Tuple.of(value))
                .map(rows -> toUsers(rows).stream().findFirst());
    }

    private static Tuple toTuple(User u) {
        return Tuple.from(new Object[] {
                u.subject(), u.username(), u.passwordHash(), u.name(), u.email(), u.phone(),
                new JsonObject(new LinkedHashMap<>(u.attributes())),
                new JsonObject(new LinkedHashMap<>(u.claims())),
                u.disabled(),
                u.origin().name().toLowerCase(Locale.ROOT)
        });
    }

    private static User toUser(Row row) {
        OffsetDateTime createdAt = row.getOffsetDateTime("created_at");
        OffsetDateTime updatedAt = row.getOffsetDateTime("updated_at");
        return new User(
                row.getString("subject"),
                row.getString("username"),
                row.getString("password_hash"),
                row.getString("name"),
                row.getString("email"),
                row.getString("phone"),
                JsonValues.map(row.getJsonObject("attributes")),
                JsonValues.map(row.getJsonObject("claims")),
                row.getBoolean("disabled"),
                User.Origin.valueOf(row.getString("origin").toUpperCase(Locale.ROOT)),
                createdAt == null ? null : createdAt.toInstant(),
                updatedAt == null ? null : updatedAt.toInstant());
    }

    private static List<User> toUsers(RowSet<Row> rows) {
        List<User> users = new ArrayList<>(rows.size());
        rows.forEach(row -> users.add(toUser(row)));
        return users;
    }
}
