package edu.lanyard.projection.admin;

import edu.lanyard.cluster.jose.SigningKeys;
import edu.lanyard.core.crypto.ClientSecretHasher;
import edu.lanyard.core.crypto.PasswordHasher;
import edu.lanyard.core.operator.ConsoleOperators;
import edu.lanyard.core.operator.CsrfCheck;
import edu.lanyard.core.operator.OperatorRole;
import edu.lanyard.core.runtime.Platform;
import edu.lanyard.directory.db.UserRepository;
import edu.lanyard.directory.importing.ClientWrites;
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
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import static edu.lanyard.dialects.http.HttpMetrics.named;

/**
 * The operator API under {@code /admin}, behind its own credentials: a user's sessions and grants, revoking
 * everything of a user or a client, the audit log, per-client statistics, the projector's state and replays, and
 * the signing keys' encryption at rest, and the help desk's account operations (unlock, disable, enable, set a
 * password).
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
    private final SigningKeys signingKeys;
    private final HelpDesk helpDesk;
    private final UserRepository users;
    private final ClientAdmin clientAdmin;
    private final UserViews views = new UserViews();
    private final DirectorySearch directorySearch;

    /**
     * @param projector this process's projector, or null when it runs elsewhere
     * @param replays   starts a replay in this process (since, or null for from the beginning); completes when it
     *                  has started, fails if one is running
     * @param signingKeys the cluster's signing key ring, for the state of its encryption at rest and rewraps
     */
    public AdminApi(Platform platform, Pool pool, AdminCredentials credentials, Supplier<ProjectorStatus> projector,
                    Function<Instant, Future<Void>> replays, SigningKeys signingKeys) {
        this.platform = platform;
        this.queries = new AdminQueries(pool);
        this.revocations = new AdminRevocations(platform, queries);
        this.authentication = new AdminAuthentication(platform.vertx(), credentials, platform.config().console()
                .enabled() ? new ConsoleOperators(platform.validator(), platform.users(),
                new OperatorRole(platform.config().console().operatorRole())) : null,
                new CsrfCheck(platform.issuer()));
        this.projector = projector;
        this.replays = replays;
        this.signingKeys = signingKeys;
        this.users = new UserRepository(pool);
        this.directorySearch = new DirectorySearch(platform.signIn().directoryPeople(), views);
        this.clientAdmin = new ClientAdmin(platform, new ClientWrites(platform.vertx(), pool,
                new ClientSecretHasher(), platform.config().tokens()));
        this.helpDesk = new HelpDesk(platform, users,
                PasswordHasher.fromConfig(platform.config().login()), revocations);
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
        router.get("/admin/users").handler(named("admin", this::searchUsers));
        router.get("/admin/users/:user").handler(named("admin", this::profile));
        router.post("/admin/users/:user/sessions/:sid/end").handler(named("admin", this::endSession));
        router.post("/admin/grants/:grant/revoke").handler(named("admin", this::revokeGrant));
        router.get("/admin/clients").handler(named("admin", this::clients));
        router.post("/admin/clients").handler(named("admin", ctx -> recorded(ctx, clientAdmin.create(body(ctx),
                AdminAuthentication.actor(ctx), Responses.clientIp(ctx)))));
        router.get("/admin/clients/:client").handler(named("admin", ctx -> AdminReplies.reply(ctx,
                attempt(() -> new AdminParams(ctx).path("client")).compose(clientAdmin::find))));
        router.put("/admin/clients/:client").handler(named("admin", ctx -> recorded(ctx,
                attempt(() -> new AdminParams(ctx).path("client")).compose(client -> clientAdmin.replace(client,
                        body(ctx), AdminAuthentication.actor(ctx), Responses.clientIp(ctx))))));
        router.post("/admin/clients/:client/secret").handler(named("admin", ctx -> recorded(ctx,
                attempt(() -> new AdminParams(ctx).path("client")).compose(client -> clientAdmin.rotateSecret(
                        client, AdminAuthentication.actor(ctx), Responses.clientIp(ctx))))));
        router.post("/admin/clients/:client/disable").handler(named("admin", ctx -> recorded(ctx,
                attempt(() -> new AdminParams(ctx).path("client")).compose(client -> clientAdmin.setDisabled(
                        client, true, AdminAuthentication.actor(ctx), Responses.clientIp(ctx))))));
        router.post("/admin/clients/:client/enable").handler(named("admin", ctx -> recorded(ctx,
                attempt(() -> new AdminParams(ctx).path("client")).compose(client -> clientAdmin.setDisabled(
                        client, false, AdminAuthentication.actor(ctx), Responses.clientIp(ctx))))));
        router.get("/admin/users/:user/sessions").handler(named("admin", this::sessions));
        router.get("/admin/users/:user/grants").handler(named("admin", this::grants));
        router.post("/admin/users/:user/revoke").handler(named("admin", this::revokeUser));
        router.post("/admin/clients/:client/revoke").handler(named("admin", this::revokeClient));
        router.get("/admin/clients/:client/stats").handler(named("admin", this::clientStats));
        router.get("/admin/stats").handler(named("admin", this::stats));
        router.get("/admin/audit").handler(named("admin", this::audit));
        router.get("/admin/projection").handler(named("admin", this::projection));
        router.post("/admin/replay").handler(named("admin", this::replay));
        router.get("/admin/keys").handler(named("admin", this::keys));
        router.post("/admin/keys/rewrap").handler(named("admin", this::rewrapKeys));
        router.post("/admin/users/:user/unlock").handler(named("admin", ctx -> account(ctx, helpDesk::unlock)));
        router.post("/admin/users/:user/disable").handler(named("admin", ctx -> account(ctx, helpDesk::disable)));
        router.post("/admin/users/:user/enable").handler(named("admin", ctx -> account(ctx, helpDesk::enable)));
        router.post("/admin/users/:user/password").handler(named("admin", this::setPassword));
    }

    /** The stored signing keys and the master key each is sealed under: never key material. */
    private void keys(RoutingContext ctx) {
        AdminReplies.reply(ctx, blocking(() -> {
            List<SigningKeys.StoredKey> stored = signingKeys.stored();
            JsonArray keys = new JsonArray();
            stored.forEach(key -> keys.add(new JsonObject().put("kid", key.kid()).put("alg", key.algorithm())
                    .put("state", key.state()).put("created", key.created().toString())
                    .put("retire_until", key.retireUntil() == null ? null : key.retireUntil().toString())
                    .put("sealed_under", key.sealedUnder())));
            long notCurrent = stored.stream().filter(key -> !key.sealedUnder().equals(signingKeys.masterKeyId()))
                    .count();
            return new JsonObject().put("master_key", signingKeys.masterKeyId()).put("keys", keys)
                    .put("not_under_master_key", notCurrent);
        }));
    }

    /** Re-seals every stored signing key under this node's current master key (docs/deployment.md). */
    private void rewrapKeys(RoutingContext ctx) {
        AdminReplies.reply(ctx, blocking(() -> {
            SigningKeys.Rewrap rewrap = signingKeys.rewrap();
            return new JsonObject().put("master_key", rewrap.masterKey()).put("keys", rewrap.keys())
                    .put("rewrapped", rewrap.rewrapped());
        }));
    }

    /** Hazelcast calls block: on a worker. A key this node cannot open is the operator's to fix: 409, said why. */
    private Future<JsonObject> blocking(Supplier<JsonObject> work) {
        return platform.vertx().<JsonObject>executeBlocking(work::get, false)
                .recover(e -> Future.failedFuture(e instanceof IllegalStateException
                        ? new AdminException(409, "conflict", e.getMessage()) : e));
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
        String actor = AdminAuthentication.actor(ctx);
        revoked(ctx, subject(ctx).compose(subject -> revocations.revokeUser(subject, ip, actor)
                .map(outcome -> outcome.toJson().put("subject", subject))));
    }

    private void revokeClient(RoutingContext ctx) {
        String ip = Responses.clientIp(ctx);
        String actor = AdminAuthentication.actor(ctx);
        revoked(ctx, attempt(() -> new AdminParams(ctx).path("client")).compose(client ->
                revocations.revokeClient(client, ip, actor)
                        .map(outcome -> outcome.toJson().put("client_id", client))));
    }

    /** One session of the user ends, with the families started in it, as a logout would end them. */
    private void endSession(RoutingContext ctx) {
        String ip = Responses.clientIp(ctx);
        String actor = AdminAuthentication.actor(ctx);
        revoked(ctx, attempt(() -> new AdminParams(ctx).path("sid")).compose(sid -> subject(ctx).compose(subject ->
                revocations.endSession(subject, sid, ip, actor)
                        .map(outcome -> outcome.toJson().put("subject", subject).put("sid", sid)))));
    }

    private void revokeGrant(RoutingContext ctx) {
        String ip = Responses.clientIp(ctx);
        String actor = AdminAuthentication.actor(ctx);
        revoked(ctx, attempt(() -> new AdminParams(ctx).path("grant")).compose(grant ->
                revocations.revokeGrant(grant, ip, actor).map(outcome -> outcome.toJson().put("grant_id", grant))));
    }

    private static String body(RoutingContext ctx) {
        return ctx.body() == null ? null : ctx.body().asString();
    }

    /** Local users (and directory users' copies) whose user name, name or e-mail contains {@code q}. */
    private void searchUsers(RoutingContext ctx) {
        AdminReplies.reply(ctx, attempt(() -> {
            AdminParams params = new AdminParams(ctx);
            String query = params.text("q");
            if (query == null) {
                throw AdminException.badRequest("say what to look for: q=<part of a user name, name or e-mail>");
            }
            return new Object[]{query, params.limit(50, 500)};
        }).compose(args -> users.search((String) args[0], (Integer) args[1]).compose(found ->
                directorySearch.alongside(found, (String) args[0], (Integer) args[1]))));
    }

    /** A user's profile, roles and state (never the password hash), by subject or user name as the help desk finds. */
    private void profile(RoutingContext ctx) {
        AdminReplies.reply(ctx, attempt(() -> new AdminParams(ctx)).compose(params -> helpDesk.find(
                params.path("user"), params.text("by")).compose(user -> platform.signIn().throttle()
                .lockedUntil(user.username(), null).map(until -> views.profile(user, until
                        .filter(instant -> instant.isAfter(platform.clock().instant())).orElse(null))))
                .recover(failure -> directorySearch.profileWithoutLocalCopy(failure, params.path("user"),
                        params.text("by")))));
    }

    /** The registered clients (never a secret or its hash), filtered by part of the id or name. */
    private void clients(RoutingContext ctx) {
        AdminReplies.reply(ctx, attempt(() -> new AdminParams(ctx).text("q")).map(query -> new JsonObject()
                .put("clients", new JsonArray(platform.clients().all().stream()
                        .filter(client -> ClientViews.matches(client, query))
                        .sorted(java.util.Comparator.comparing(edu.lanyard.core.domain.Client::clientId))
                        .limit(1000).map(ClientViews::summary).toList()))));
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

    /** A help-desk operation on the user in the path (by subject or user name, or as {@code by} says). */
    private void account(RoutingContext ctx, Function<HelpDesk.Request, Future<JsonObject>> operation) {
        String ip = Responses.clientIp(ctx);
        String actor = AdminAuthentication.actor(ctx);
        recorded(ctx, attempt(() -> new AdminParams(ctx)).compose(params -> helpDesk.find(params.path("user"),
                params.text("by"))).compose(user -> operation.apply(new HelpDesk.Request(user, actor, ip))));
    }

    /** The body names the new password, or asks for one to be generated; anything else is a 400. */
    private void setPassword(RoutingContext ctx) {
        account(ctx, request -> attempt(() -> NewPassword.of(ctx.body() == null ? null : ctx.body().asString()))
                .compose(password -> helpDesk.setPassword(request, password.given())));
    }

    /** The operation took effect either way; if its events were not logged the operator must retry. */
    private void recorded(RoutingContext ctx, Future<JsonObject> outcome) {
        AdminReplies.reply(ctx, outcome.compose(body -> {
            int unlogged = body.getInteger("events_unlogged");
            if (unlogged == 0) {
                // a disable revoked what the projections knew: how far behind they were, as revoke says
                return Future.succeededFuture(body.containsKey("grants_revoked")
                        ? body.put("projection_lag", lag()) : body);
            }
            return Future.failedFuture(new AdminException(503, "temporarily_unavailable", unlogged
                    + " event(s) were applied but not logged; retry the request"));
        }));
    }

    /** Audit lines as JSON, or with {@code format=csv} as a CSV file of the same lines. */
    private void audit(RoutingContext ctx) {
        Future<AdminParams> params = attempt(() -> new AdminParams(ctx));
        if ("csv".equals(ctx.request().getParam("format"))) {
            AdminReplies.csv(ctx, "lanyard-audit.csv", params.compose(queries::audit)
                    .map(page -> AuditCsv.of(page.getJsonArray("entries"))));
            return;
        }
        AdminReplies.reply(ctx, params.compose(queries::audit));
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
