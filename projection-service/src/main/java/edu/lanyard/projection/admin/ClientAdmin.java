package edu.lanyard.projection.admin;

import edu.lanyard.core.event.ClientChanged;
import edu.lanyard.core.ledger.Ledger;
import edu.lanyard.core.runtime.Platform;
import edu.lanyard.directory.importing.ClientWrites;
import edu.lanyard.directory.importing.ImportFile.ClientEntry;
import edu.lanyard.directory.importing.InvalidImportException;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The operator's client writes: create, replace the settings of, rotate the secret of, disable and enable one client, through the
 * import's validation and upsert ({@link ClientWrites}), each followed by a {@link ClientChanged} event that names
 * the operator. Like the help desk's operations they take effect even while the event log is down, and the answer
 * counts the events the log did not take. A new secret is in the answer once; neither it nor its hash is ever
 * answered again.
 */
final class ClientAdmin {
    private final Platform platform;
    private final ClientWrites writes;

    ClientAdmin(Platform platform, ClientWrites writes) {
        this.platform = platform;
        this.writes = writes;
    }

    /** Body {@code {"client": {…import shape…}, "confidential": true|false}}. */
    Future<JsonObject> create(String body, String actor, String ip) {
        return attempt(() -> {
            JsonObject request = object(body);
            Object client = request.getValue("client");
            if (!(client instanceof JsonObject entry)) {
                throw AdminException.badRequest("the body must be {\"client\": {…}, \"confidential\": true|false}");
            }
            Object confidential = request.getValue("confidential", false);
            if (!(confidential instanceof Boolean)) {
                throw AdminException.badRequest("confidential must be true or false");
            }
            return new Object[]{ClientWrites.parse(entry.encode()), confidential};
        }).compose(args -> recorded(((ClientEntry) args[0]).clientId(), "created", actor, ip,
                () -> writes.create((ClientEntry) args[0], (Boolean) args[1])));
    }

    /** Body: the client in the import shape; its {@code client_id} must be the one in the path. */
    Future<JsonObject> replace(String clientId, String body, String actor, String ip) {
        return attempt(() -> {
            ClientEntry entry = ClientWrites.parse(object(body).encode());
            if (!clientId.equals(entry.clientId())) {
                throw AdminException.badRequest("client_id in the body must be " + clientId);
            }
            return entry;
        }).compose(entry -> recorded(clientId, "updated", actor, ip, () -> writes.replace(entry)));
    }

    Future<JsonObject> rotateSecret(String clientId, String actor, String ip) {
        return recorded(clientId, "secret_rotated", actor, ip, () -> writes.rotateSecret(clientId));
    }

    /** Switches a client off ({@code disabled}) or on again ({@code enabled}); its tokens are left alone. */
    Future<JsonObject> setDisabled(String clientId, boolean disabled, String actor, String ip) {
        return recorded(clientId, disabled ? "disabled" : "enabled", actor, ip,
                () -> writes.setDisabled(clientId, disabled));
    }

    Future<JsonObject> find(String clientId) {
        return writes.find(clientId).compose(found -> found.map(client -> Future.succeededFuture(
                        ClientViews.detail(client)))
                .orElseGet(() -> Future.failedFuture(AdminException.notFound("no client " + clientId))));
    }

    private Future<JsonObject> recorded(String clientId, String change, String actor, String ip,
                                        Supplier<Future<ClientWrites.Written>> write) {
        AtomicReference<ClientWrites.Written> written = new AtomicReference<>();
        return platform.ledger().react(Ledger.by(ip, meta -> new ClientChanged(meta, clientId, change, actor)),
                        () -> write.get().map(done -> {
                            written.set(done);
                            return (Void) null;
                        }))
                .appliedThenLogged()
                .recover(ClientAdmin::refusal)
                .map(logged -> {
                    JsonObject answer = new JsonObject().put("client", ClientViews.detail(written.get().client()))
                            .put("events_unlogged", logged ? 0 : 1);
                    // Shown once, to the operator who asked; Lanyard keeps only the hash.
                    return written.get().secret() == null ? answer
                            : answer.put("client_secret", written.get().secret());
                });
    }

    private static Future<Boolean> refusal(Throwable failure) {
        if (failure instanceof InvalidImportException invalid) {
            return Future.failedFuture(AdminException.badRequest(String.join("; ", invalid.problems())));
        }
        if (failure instanceof ClientWrites.Refused refused) {
            return Future.failedFuture(new AdminException(refused.status(),
                    refused.status() == 404 ? "not_found" : "conflict", refused.getMessage()));
        }
        return Future.failedFuture(failure);
    }

    private static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw AdminException.badRequest("a JSON body is required");
        }
        try {
            return new JsonObject(body);
        } catch (DecodeException | ClassCastException e) {
            throw AdminException.badRequest("the body is not a JSON object");
        }
    }

    private static <T> Future<T> attempt(Supplier<T> parse) {
        try {
            return Future.succeededFuture(parse.get());
        } catch (AdminException e) {
            return Future.failedFuture(e);
        } catch (InvalidImportException e) {
            return Future.failedFuture(AdminException.badRequest(String.join("; ", e.problems())));
        }
    }
}
