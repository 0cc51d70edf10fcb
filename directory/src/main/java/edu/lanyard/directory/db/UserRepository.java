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
import java.util.Optional;

/**
 * Users in Postgres. Bind it to a {@code Pool} for ordinary use, or to a {@code SqlConnection} inside a transaction.
 */
public final class UserRepository {
    private static final String COLUMNS = "subject, username, password_hash, name, email, phone, attributes, created_at";

    /**
     * Keyed on username: re-importing a user keeps the subject already issued to relying parties, whatever subject the
     * new record carries.
     */
    private static final String UPSERT = "insert into users (subject, username, password_hash, name, email, phone,"
            + " attributes) values ($1, $2, $3, $4, $5, $6, $7)"
            + " on conflict (username) do update set password_hash = excluded.password_hash, name = excluded.name,"
            + " email = excluded.email, phone = excluded.phone, attributes = excluded.attributes, updated_at = now()"
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
                new JsonObject(new LinkedHashMap<>(u.attributes()))
        });
    }

    private static User toUser(Row row) {
        OffsetDateTime createdAt = row.getOffsetDateTime("created_at");
        return new User(
                row.getString("subject"),
                row.getString("username"),
                row.getString("password_hash"),
                row.getString("name"),
                row.getString("email"),
                row.getString("phone"),
                JsonValues.map(row.getJsonObject("attributes")),
                createdAt == null ? null : createdAt.toInstant());
    }

    private static List<User> toUsers(RowSet<Row> rows) {
        List<User> users = new ArrayList<>(rows.size());
        rows.forEach(row -> users.add(toUser(row)));
        return users;
    }
}
