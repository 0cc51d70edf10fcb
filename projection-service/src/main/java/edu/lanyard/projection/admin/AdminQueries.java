package edu.lanyard.projection.admin;

import edu.lanyard.projection.rows.ClientCounter;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The operator's read queries on the projections (non-blocking pool, safe on an event loop). */
final class AdminQueries {
    /** A session's idle end, as SessionLoader computes it: its idle timeout after the last family started in it. */
    private static final String LIVE_SESSIONS = """
            select s.session_hash, s.sid, s.subject, s.username, s.client_id, s.auth_time, s.started_at,
                   s.absolute_expires_at, live.expires_at
              from projection.sessions s
              cross join lateral (
                  select least(s.absolute_expires_at,
                               greatest(s.started_at, max(g.first_seen_at), max(g.last_issued_at))
                               + make_interval(secs => s.idle_seconds)) as expires_at
                    from projection.grants g where g.session_id = s.sid) live
             where s.ended_at is null and live.expires_at > now()""";
    private static final String LIVE_GRANTS = """
            select grant_id, client_id, subject, username, grant_type, session_id, first_seen_at, last_issued_at,
                   expires_at
              from projection.grants
             where revoked_at is null
               -- a family with only a code so far may still be redeemed
               and (expires_at > now() or (expires_at is null and first_seen_at > now() - interval '1 hour'))""";
    private static final List<String> AUDIT_FILTERS = List.of("subject", "username", "client_id", "action", "result",
            "ip", "grant_id", "event_type");

    private final Pool pool;

    AdminQueries(Pool pool) {
        this.pool = pool;
    }

    /** The subject of a user given by subject or, with {@code byUsername}, by user name. */
    Future<String> subject(String user, boolean byUsername) {
        if (!byUsername) {
            return Future.succeededFuture(user);
        }
        return pool.preparedQuery("select subject from users where username = $1").execute(Tuple.of(user))
                .compose(rows -> rows.size() == 0
                        ? Future.failedFuture(AdminException.notFound("no user named " + user))
                        : Future.succeededFuture(rows.iterator().next().getString(0)));
    }

    Future<List<SessionView>> sessionsOf(String subject) {
        return pool.preparedQuery(LIVE_SESSIONS + " and s.subject = $1 order by s.started_at desc limit 1000")
                .execute(Tuple.of(subject))
                .map(rows -> map(rows, row -> new SessionView(row.getString(0), row.getString(1),
                        row.getString(3), row.getString(4), row.getLong(5), instant(row, 6), instant(row, 7),
                        instant(row, 8))));
    }

    Future<List<GrantView>> grantsOfSubject(String subject) {
        return grants(" and subject = $1", subject);
    }

    Future<List<GrantView>> grantsOfClient(String clientId) {
        return grants(" and client_id = $1", clientId);
    }

    /** One family that may still hold valid tokens, by id. */
    Future<java.util.Optional<GrantView>> liveGrant(String grantId) {
        return grants(" and grant_id = $1", grantId).map(found -> found.stream().findFirst());
    }

    private Future<List<GrantView>> grants(String filter, String value) {
        return pool.preparedQuery(LIVE_GRANTS + filter + " order by first_seen_at desc limit 100000")
                .execute(Tuple.of(value))
                .map(rows -> map(rows, row -> new GrantView(row.getString(0), row.getString(1), row.getString(2),
                        row.getString(3), row.getString(4), row.getString(5), instant(row, 6), instant(row, 7),
                        instant(row, 8))));
    }

    Future<JsonObject> audit(AdminParams params) {
        List<String> where = new ArrayList<>();
        Tuple args = Tuple.tuple();
        for (String filter : AUDIT_FILTERS) {
            String value = params.text(filter);
            if (value != null) {
                args.addValue(value);
                where.add(filter + " = $" + args.size());
            }
        }
        Instant from = params.time("from", null);
        if (from != null) {
            args.addValue(utc(from));
            where.add("at >= $" + args.size());
        }
        Instant to = params.time("to", null);
        if (to != null) {
            args.addValue(utc(to));
            where.add("at < $" + args.size());
        }
        Instant before = params.time("before", null);
        String beforeId = params.text("before_id");
        if (before != null) {
            args.addValue(utc(before));
            args.addValue(beforeId == null ? "" : beforeId);
            where.add("(at, event_id) < ($" + (args.size() - 1) + ", $" + args.size() + ")");
        }
        int limit = params.limit(100, 1000);
        String sql = "select at, event_id, event_type, action, result, subject, username, client_id, ip, grant_id,"
                + " detail from projection.audit_log" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by at desc, event_id desc limit " + limit;
        return pool.preparedQuery(sql).execute(args).map(rows -> {
            JsonArray entries = new JsonArray();
            JsonObject last = null;
            for (Row row : rows) {
                last = new JsonObject()
                        .put("at", instant(row, 0).toString())
                        .put("event_id", row.getString(1))
                        .put("event_type", row.getString(2))
                        .put("action", row.getString(3))
                        .put("result", row.getString(4))
                        .put("subject", row.getString(5))
                        .put("username", row.getString(6))
                        .put("client_id", row.getString(7))
                        .put("ip", row.getString(8))
                        .put("grant_id", row.getString(9))
                        .put("detail", row.getJsonObject(10));
                entries.add(last);
            }
            JsonObject page = new JsonObject().put("entries", entries);
            if (last != null && entries.size() == limit) {
                page.put("next", new JsonObject().put("before", last.getString("at"))
                        .put("before_id", last.getString("event_id")));
            }
            return page;
        });
    }

    /** Totals per client over [from, to). */
    Future<JsonArray> statsByClient(Instant from, Instant to) {
        String sums = counterColumns().stream().map(c -> "sum(" + c + ")::bigint as " + c)
                .collect(Collectors.joining(", "));
        return pool.preparedQuery("select client_id, " + sums + " from projection.client_stats"
                        + " where minute >= $1 and minute < $2 group by client_id order by client_id")
                .execute(Tuple.of(utc(from), utc(to)))
                .map(rows -> {
                    JsonArray clients = new JsonArray();
                    for (Row row : rows) {
                        JsonObject client = new JsonObject().put("client_id", row.getString(0));
                        counters(row, 1, client);
                        clients.add(client);
                    }
                    return clients;
                });
    }

    /** One client's counters minute by minute over [from, to). */
    Future<JsonArray> statsOfClient(String clientId, Instant from, Instant to) {
        return pool.preparedQuery("select minute, " + String.join(", ", counterColumns())
                        + " from projection.client_stats where client_id = $1 and minute >= $2 and minute < $3"
                        + " order by minute limit 10080")
                .execute(Tuple.of(clientId, utc(from), utc(to)))
                .map(rows -> {
                    JsonArray minutes = new JsonArray();
                    for (Row row : rows) {
                        JsonObject minute = new JsonObject().put("minute", instant(row, 0).toString());
                        counters(row, 1, minute);
                        minutes.add(minute);
                    }
                    return minutes;
                });
    }

    Future<JsonArray> replays() {
        return pool.query("select replay_id, mode, since, state, started_at, updated_at, finished_at, events,"
                + " progress, error from projection_replays order by started_at desc limit 10").execute()
                .map(rows -> {
                    JsonArray replays = new JsonArray();
                    for (Row row : rows) {
                        replays.add(new JsonObject()
                                .put("replay_id", row.getString(0))
                                .put("mode", row.getString(1))
                                .put("since", text(instant(row, 2)))
                                .put("state", row.getString(3))
                                .put("started_at", text(instant(row, 4)))
                                .put("updated_at", text(instant(row, 5)))
                                .put("finished_at", text(instant(row, 6)))
                                .put("events", row.getLong(7))
                                .put("progress", row.getDouble(8))
                                .put("error", row.getString(9)));
                    }
                    return replays;
                });
    }

    private static List<String> counterColumns() {
        return Arrays.stream(ClientCounter.values()).map(ClientCounter::column).toList();
    }

    private static void counters(Row row, int first, JsonObject into) {
        for (ClientCounter counter : ClientCounter.values()) {
            into.put(counter.column(), row.getLong(first + counter.ordinal()));
        }
    }

    private static <T> List<T> map(RowSet<Row> rows, java.util.function.Function<Row, T> mapper) {
        List<T> mapped = new ArrayList<>(rows.size());
        rows.forEach(row -> mapped.add(mapper.apply(row)));
        return mapped;
    }

    static Instant instant(Row row, int column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
