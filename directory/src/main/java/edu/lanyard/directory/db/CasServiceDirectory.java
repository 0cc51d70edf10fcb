package edu.lanyard.directory.db;

import edu.lanyard.core.cas.CasService;
import edu.lanyard.core.cas.CasServiceRegistry;
import edu.lanyard.core.config.LanyardConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Every registered CAS service, in memory: loaded at start and reloaded in full on each {@code cas_service}
 * notification (services are few, and their order matters, so a full reload is the simple correct answer).
 */
public final class CasServiceDirectory implements CasServiceRegistry {
    private static final Logger log = LoggerFactory.getLogger(CasServiceDirectory.class);
    private static final long RETRY_DELAY_MS = 2_000;

    private final Vertx vertx;
    private final CasServiceRepository repository;
    private volatile List<CasService> services = List.of();
    private volatile DirectoryListener listener;

    private CasServiceDirectory(Vertx vertx, Pool pool) {
        this.vertx = vertx;
        this.repository = new CasServiceRepository(pool);
    }

    public static Future<CasServiceDirectory> start(Vertx vertx, Pool pool, LanyardConfig.Postgres postgres) {
        CasServiceDirectory directory = new CasServiceDirectory(vertx, pool);
        return DirectoryListener.start(vertx, postgres, "lanyard-cas-services-listener",
                        directory::onChange, directory::reloadLater)
                .compose(listener -> {
                    directory.listener = listener;
                    return directory.reload().onFailure(e -> listener.close()).map(directory);
                });
    }

    @Override
    public Optional<CasService> find(String url) {
        if (url == null) {
            return Optional.empty();
        }
        return services.stream().filter(service -> service.accepts(url)).findFirst();
    }

    @Override
    public Collection<CasService> all() {
        return services;
    }

    public Future<Void> close() {
        return listener == null ? Future.succeededFuture() : listener.close();
    }

    private void onChange(DirectoryChange change) {
        if (change.kind() == DirectoryChange.Kind.CAS_SERVICE) {
            reloadLater();
        }
    }

    private void reloadLater() {
        reload().onFailure(e -> {
            log.error("cannot reload the CAS services; retrying", e);
            vertx.setTimer(RETRY_DELAY_MS, id -> reloadLater());
        });
    }

    private synchronized Future<Void> reload() {
        return repository.findAll().map(all -> {
            services = List.copyOf(all);
            log.debug("loaded {} CAS services", all.size());
            return null;
        });
    }
}
