package edu.lanyard.directory.db;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.core.domain.User;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A bounded cache of users by username and by subject, loaded on miss and invalidated by {@code lanyard_directory}
 * notifications. Misses are cached too (a login storm for a mistyped name should not reach Postgres every time), but
 * only for {@link Settings#negativeTtl}, and any user change drops them, since the notification names the subject of
 * the new user, not the username that was looked up.
 */
public final class UserDirectory {
    /**
     * @param maxEntries  per index (username, subject)
     * @param positiveTtl a found user is re-read at least this often even if a notification was lost
     * @param negativeTtl how long "no such user" is believed
     */
    public record Settings(long maxEntries, Duration positiveTtl, Duration negativeTtl) {
        public static Settings defaults() {
            return new Settings(10_000, Duration.ofMinutes(10), Duration.ofSeconds(30));
        }
    }

    private final UserRepository repository;
    private final Cache<String, Optional<User>> byUsername;
    private final Cache<String, Optional<User>> bySubject;
    /** Bumped by every invalidation; a load that started before one must not store what it read. */
    private final AtomicLong generation = new AtomicLong();
    private volatile DirectoryListener listener;

    private UserDirectory(Pool pool, Settings settings) {
        this.repository = new UserRepository(pool);
        this.byUsername = newCache(settings);
        this.bySubject = newCache(settings);
    }

    public static Future<UserDirectory> start(Vertx vertx, Pool pool, LanyardConfig.Postgres postgres) {
        return start(vertx, pool, postgres, Settings.defaults());
    }

    public static Future<UserDirectory> start(Vertx vertx, Pool pool, LanyardConfig.Postgres postgres,
                                              Settings settings) {
        UserDirectory directory = new UserDirectory(pool, settings);
        return DirectoryListener.start(vertx, postgres, "lanyard-users-listener",
                        directory::onChange, directory::invalidateAll)
                .map(listener -> {
                    directory.listener = listener;
                    return directory;
                });
    }

    public Future<Optional<User>> byUsername(String username) {
        return lookup(byUsername, username, repository::findByUsername);
    }

    public Future<Optional<User>> bySubject(String subject) {
        return lookup(bySubject, subject, repository::findBySubject);
    }

    public void invalidateAll() {
        generation.incrementAndGet();
        byUsername.invalidateAll();
        bySubject.invalidateAll();
    }

    public Future<Void> close() {
        return listener == null ? Future.succeededFuture() : listener.close();
    }

    /** Visible for tests. */
    long cachedEntries() {
        byUsername.cleanUp();
        bySubject.cleanUp();
        return byUsername.estimatedSize() + bySubject.estimatedSize();
    }

    /** Visible for tests. */
    DirectoryListener listener() {
        return listener;
    }

    private Future<Optional<User>> lookup(Cache<String, Optional<User>> cache, String key,
                                          Function<String, Future<Optional<User>>> load) {
        if (key == null || key.isEmpty()) {
            return Future.succeededFuture(Optional.empty());
        }
        Optional<User> cached = cache.getIfPresent(key);
        if (cached != null) {
            return Future.succeededFuture(cached);
        }
        long loadGeneration = generation.get();
        return load.apply(key).onSuccess(found -> remember(cache, key, found, loadGeneration));
    }

    private void remember(Cache<String, Optional<User>> cache, String key, Optional<User> found, long loadGeneration) {
        // A change notified while we were reading may not be in what we read. Checked before and after the puts so
        // an invalidation racing with them is caught too.
        if (generation.get() != loadGeneration) {
            return;
        }
        if (found.isPresent()) {
            byUsername.put(found.get().username(), found);
            bySubject.put(found.get().subject(), found);
        } else {
            cache.put(key, found);
        }
        if (generation.get() != loadGeneration) {
            cache.invalidate(key);
            found.ifPresent(user -> {
                byUsername.invalidate(user.username());
                bySubject.invalidate(user.subject());
            });
        }
    }

    private void onChange(DirectoryChange change) {
        if (change.kind() != DirectoryChange.Kind.USER) {
            return;
        }
        generation.incrementAndGet();
        bySubject.invalidate(change.id());
        byUsername.asMap().values().removeIf(entry -> entry.isEmpty() || entry.get().subject().equals(change.id()));
        bySubject.asMap().values().removeIf(Optional::isEmpty);
    }

    private static Cache<String, Optional<User>> newCache(Settings settings) {
        long positiveNanos = settings.positiveTtl().toNanos();
        long negativeNanos = settings.negativeTtl().toNanos();
        return Caffeine.newBuilder()
                .maximumSize(settings.maxEntries())
                .expireAfter(new Expiry<String, Optional<User>>() {
                    @Override
                    public long expireAfterCreate(String key, Optional<User> value, long currentTime) {
                        return value.isPresent() ? positiveNanos : negativeNanos;
                    }

                    @Override
                    public long expireAfterUpdate(String key, Optional<User> value, long currentTime,
                                                  long currentDuration) {
                        return expireAfterCreate(key, value, currentTime);
                    }

                    @Override
                    public long expireAfterRead(String key, Optional<User> value, long currentTime,
                                                long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }
}
