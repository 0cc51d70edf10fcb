package edu.lanyard.directory.db;

import edu.lanyard.core.client.BrowserOrigins;
import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.core.domain.Client;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Every registered client, held in memory so the token hot path never waits for Postgres. Loaded at start and kept
 * current by {@code lanyard_directory} notifications; reloaded in full after the listener reconnects.
 *
 * <p>Refreshes run one after another, so a slow full reload can never overwrite a newer single-client refresh.
 * Notifications that arrive while a refresh runs are collected and fetched together by the next one.
 */
public final class ClientDirectory {
    private static final Logger log = LoggerFactory.getLogger(ClientDirectory.class);
    private static final long RETRY_DELAY_MS = 2_000;

    private final Vertx vertx;
    private final ClientRepository repository;
    private volatile Map<String, Client> clients = Map.of();
    private volatile Set<String> browserOrigins = Set.of();
    private volatile DirectoryListener listener;

    // guarded by this
    private final Set<String> pendingIds = new LinkedHashSet<>();
    private boolean refreshQueued;
    private Future<Void> lastRefresh = Future.succeededFuture();

    private ClientDirectory(Vertx vertx, Pool pool) {
        this.vertx = vertx;
        this.repository = new ClientRepository(pool);
    }

    public static Future<ClientDirectory> start(Vertx vertx, Pool pool, LanyardConfig.Postgres postgres) {
        ClientDirectory directory = new ClientDirectory(vertx, pool);
        return DirectoryListener.start(vertx, postgres, "lanyard-clients-listener",
                        directory::onChange, directory::reloadAfterReconnect)
                .compose(listener -> {
                    directory.listener = listener;
                    return directory.enqueue(directory::reloadAll)
                            .onFailure(e -> listener.close())
                            .map(directory);
                });
    }

    /** The client as of the last notification; an in-memory read that never blocks. */
    public Optional<Client> find(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(clients.get(clientId));
    }

    public Collection<Client> all() {
        return clients.values();
    }

    /** The origins of all registered redirect URIs, recomputed whenever the clients change. */
    public Set<String> browserOrigins() {
        return browserOrigins;
    }

    public int size() {
        return clients.size();
    }

    public Future<Void> close() {
        return listener == null ? Future.succeededFuture() : listener.close();
    }

    /** Visible for tests. */
    DirectoryListener listener() {
        return listener;
    }

    private void onChange(DirectoryChange change) {
        if (change.kind() != DirectoryChange.Kind.CLIENT) {
            return;
        }
        synchronized (this) {
            pendingIds.add(change.id());
            if (refreshQueued) {
                return;
            }
            refreshQueued = true;
        }
        enqueue(this::refreshPending);
    }

    private void reloadAfterReconnect() {
        enqueue(this::reloadAll).onFailure(e -> retryReloadLater());
    }

    private void retryReloadLater() {
        vertx.setTimer(RETRY_DELAY_MS, id -> reloadAfterReconnect());
    }

    /** Runs {@code step} after every refresh queued before it, whether those succeeded or not. */
    private synchronized Future<Void> enqueue(Supplier<Future<Void>> step) {
        Future<Void> next = lastRefresh.transform(previous -> step.get());
        lastRefresh = next.recover(e -> Future.succeededFuture());
        return next;
    }

    private Future<Void> reloadAll() {
        return repository.findAll().map(all -> {
            Map<String, Client> loaded = new HashMap<>();
            all.forEach(client -> loaded.put(client.clientId(), client));
            replace(loaded);
            log.debug("loaded {} clients", loaded.size());
            return null;
        });
    }

    private Future<Void> refreshPending() {
        List<String> ids;
        synchronized (this) {
            ids = List.copyOf(pendingIds);
            pendingIds.clear();
            refreshQueued = false;
        }
        return repository.findByIds(ids)
                .map(found -> {
                    apply(ids, found);
                    return (Void) null;
                })
                .onFailure(e -> {
                    log.error("cannot refresh clients {}; reloading all", ids, e);
                    retryReloadLater();
                });
    }

    private void apply(List<String> ids, List<Client> found) {
        Map<String, Client> next = new HashMap<>(clients);
        ids.forEach(next::remove);
        found.forEach(client -> next.put(client.clientId(), client));
        replace(next);
    }

    private void replace(Map<String, Client> next) {
        clients = Map.copyOf(next);
        browserOrigins = BrowserOrigins.of(next.values());
    }
}
