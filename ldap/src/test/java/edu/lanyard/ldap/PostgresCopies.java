package edu.lanyard.ldap;

import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.core.domain.User;
import edu.lanyard.devkit.LocalPostgres;
import edu.lanyard.devkit.PostgresCoordinates;
import edu.lanyard.directory.db.Migrations;
import edu.lanyard.directory.db.PgPools;
import edu.lanyard.directory.db.UserRepository;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

import java.util.Optional;

/** Directory copies in a fresh, migrated Postgres database of the local server, as a node keeps them; dropped on close. */
final class PostgresCopies implements DirectoryCopies, AutoCloseable {
    private final LocalPostgres server = LocalPostgres.fromEnvironment();
    private final PostgresCoordinates coordinates;
    private final Pool pool;
    private final UserRepository repository;

    PostgresCopies(Vertx vertx) {
        coordinates = server.freshDatabase("lanyard_ldap");
        LanyardConfig.Postgres config = new LanyardConfig.Postgres(coordinates.host(), coordinates.port(),
                coordinates.database(), coordinates.user(), coordinates.password(), 4, false, "prefer", "");
        Migrations.apply(config);
        pool = PgPools.create(vertx, config);
        repository = new UserRepository(pool);
    }

    UserRepository repository() {
        return repository;
    }

    @Override
    public Future<Optional<User>> byUsername(String username) {
        return repository.findByUsername(username);
    }

    @Override
    public Future<User> save(User copy) {
        return repository.upsert(copy);
    }

    @Override
    public void close() {
        pool.close().toCompletionStage().toCompletableFuture().join();
        server.dropDatabase(coordinates.database());
    }
}
