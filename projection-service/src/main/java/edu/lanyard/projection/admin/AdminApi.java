package edu.lanyard.projection.admin;

import edu.lanyard.core.runtime.Platform;
import edu.lanyard.dialects.http.Responses;
import edu.lanyard.projection.consumer.ProjectorStatus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;

import static edu.lanyard.dialects.http.HttpMetrics.named;

/**
 * The operator API under {@code /admin}, behind its own credentials: a user's sessions and grants, revoking
 * everything of a user or a client, the audit log, per-client statistics, and the projector's state and replays.
 */
public final class AdminApi {
    /** The error of every {@code /admin} request to a server whose operator API is off. */
    public static final String DISABLED = "admin_disabled";
    static final String HOW_TO_ENABLE = "set admin.tokenHash (`lanyard admin new-token` makes a token and its hash)"
            + " or admin.user and admin.passwordHash (`lanyard admin hash-password`), then restart";
    private static final Duration DEFAULT_STATS_WINDOW = Duration.ofHours(24);

    private final Platform platform;
    private final AdminQueries queries;
    private final AdminRevocations revocations;
    private final AdminAuthentication authentication;
    private final Supplier<ProjectorStatus> projector;
    private final Function<Instant, Future<Void>> replays;

    /**
     * @param projector this process's projector, or null when it runs elsewhere
     * @param replays   starts a replay in this process (since, or null for from the beginning); completes when it
     *                  has started, fails if one is running
     */
    public AdminApi(Platform platform, Pool pool, AdminCredentials credentials, Supplier<ProjectorStatus> projector,
                    Function<Instant, Future<Void>> replays) {
        this.platform = platform;
        this.queries = new AdminQueries(pool);
        this.revocations = new AdminRevocations(platform, queries);
        this.authentication = new AdminAuthentication(platform.vertx(), credentials);
        this.projector = projector;
        this.replays = replays;
    }

    /**
     * What {@code /admin} answers while no operator credentials are configured: a 404 that says so and how to enable
     * it, distinguishable from a server that has no operator API at all (and from refused credentials, 401).
     */
    public static void mountDisabled(Router router) {
        router.route("/admin/*").handler(named("admin", ctx -> AdminReplies.error(ctx, 404, DISABLED,
                "the operator API is disabled on this server: " + HOW_TO_ENABLE)));
    }

    public void mount(Router router) {
        router.route("/admin/*").handler(named("admin", authentication));
        router.get("/admin/users/:user/sessions").handler(named("admin", this::sessions));
        router.get("/admin/users/:user/grants").handler(named("admin", this::grants));
        router.post("/admin/users/:user/revoke").handler(named("admin", this::revokeUser));
        router.post("/admin/clients/:client/revoke").handler(named("admin", this::revokeClient));
        router.get("/admin/clients/:client/stats").handler(named("admin", this::clientStats));
        router.get("/admin/stats").handler(named("admin", this::stats));
        router.get("/admin/audit").handler(named("admin", this::audit));
        router.get("/admin/projection").handler(named("admin", this::projection));
        router.post("/admin/replay").handler(named("admin", this::replay));
    }

    private void sessions(RoutingContext ctx) {
        AdminReplies.reply(ctx, subject(ctx).compose(subject -> queries.sessionsOf(subject).map(list ->
                new JsonObject().put("subject", subject)
                        .put("sessions", new JsonArray(list.stream().map(SessionView::toJson).toList())))));
    }

    private void grants(RoutingContext ctx) {
        AdminReplies.reply(ctx, subject(ctx).compose(subject -> queries.grantsOfSubject(subject).map(list ->
                new JsonObject().put("subject", subject)
                        .put("grants", new JsonArray(list.stream().map(GrantView::toJson).toList())))));
    }

    private void revokeUser(RoutingContext ctx) {
        String ip = Responses.clientIp(ctx);
        revoked(ctx, subject(ctx).compose(subject -> revocations.revokeUser(subject, ip)
                .map(outcome -> outcome.toJson().put("subject", subject))));
    }

    private void revokeClient(RoutingContext ctx) {
        String ip = Responses.clientIp(ctx);
        revoked(ctx, attempt(() -> new AdminParams(ctx).path("client")).compose(client ->
                revocations.revokeClient(client, ip).map(outcome -> outcome.toJson().put("client_id", client))));
    }

    /** Revocations took effect either way; if events were not logged the operator must retry. */
    private void revoked(RoutingContext ctx, Future<JsonObject> outcome) {
        AdminReplies.reply(ctx, outcome.compose(body -> {
            int unlogged = body.getInteger("events_unlogged");
            if (unlogged == 0) {
                return Future.succeededFuture(body.put("projection_lag", lag()));
            }
            return Future.failedFuture(new AdminException(503, "temporarily_unavailable", unlogged
                    + " revocation event(s) were applied but not logged; retry the request"));
        }));
    }

    private void audit(RoutingContext ctx) {
        AdminReplies.reply(ctx, attempt(() -> new AdminParams(ctx)).compose(queries::audit));
    }

    private void stats(RoutingContext ctx) {
        AdminReplies.reply(ctx, window(ctx).compose(window -> queries.statsByClient(window[0], window[1])
                .map(clients -> new JsonObject().put("from", window[0].toString()).put("to", window[1].toString())
                        .put("clients", clients))));
    }

    private void clientStats(RoutingContext ctx) {
        AdminReplies.reply(ctx, window(ctx).compose(window -> {
            String client = new AdminParams(ctx).path("client");
            return queries.statsOfClient(client, window[0], window[1]).map(minutes -> new JsonObject()
                    .put("client_id", client).put("from", window[0].toString()).put("to", window[1].toString())
                    .put("minutes", minutes));
        }));
    }

    private void projection(RoutingContext ctx) {
        AdminReplies.reply(ctx, queries.replays().map(replays -> {
            JsonObject body = new JsonObject().put("replays", replays);
            ProjectorStatus status = projector == null ? null : projector.get();
            if (status != null) {
                JsonObject lag = new JsonObject();
                status.lag().forEach((partition, behind) -> lag.put(String.valueOf(partition), behind));
                body.put("projector", new JsonObject()
                        .put("state", status.state().name().toLowerCase())
                        .put("problem", status.problem())
                        .put("lag", lag)
                        .put("total_lag", status.totalLag())
                        .put("events_applied", status.eventsApplied())
                        .put("last_batch_at", status.lastBatchAt() == null ? null : status.lastBatchAt().toString()));
            }
            return body;
        }));
    }

    private void replay(RoutingContext ctx) {
        AdminReplies.reply(ctx, 202, attempt(() -> {
            AdminParams params = new AdminParams(ctx);
            Instant since = params.time("since", null);
            if (since == null && !"true".equals(params.text("from_beginning"))) {
                throw AdminException.badRequest("say since=<ISO-8601 instant> or from_beginning=true");
            }
            return since;
        }).compose(since -> replays.apply(since)
                .recover(busy -> Future.failedFuture(new AdminException(409, "conflict", busy.getMessage())))
                .map(started -> new JsonObject().put("started", true)
                        .put("since", since == null ? null : since.toString()))));
    }

    private Long lag() {
        ProjectorStatus status = projector == null ? null : projector.get();
        return status == null ? null : status.totalLag();
    }

    private Future<String> subject(RoutingContext ctx) {
        return attempt(() -> new AdminParams(ctx)).compose(params -> queries.subject(params.path("user"),
                "username".equals(params.text("by"))));
    }

    private Future<Instant[]> window(RoutingContext ctx) {
        return attempt(() -> {
            AdminParams params = new AdminParams(ctx);
            Instant to = params.time("to", platform.clock().instant());
            Instant from = params.time("from", to.minus(DEFAULT_STATS_WINDOW));
            if (!from.isBefore(to)) {
                throw AdminException.badRequest("from must be before to");
            }
            return new Instant[]{from, to};
        });
    }

    /** Runs parameter parsing so that a bad parameter fails the future (400) instead of the handler. */
    private static <T> Future<T> attempt(Supplier<T> parse) {
        try {
            return Future.succeededFuture(parse.get());
        } catch (AdminException e) {
            return Future.failedFuture(e);
        }
    }
}
