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
import java.util.ArrayList;
import java.util.List;
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
    /** Keyed on the attribute list and the typed login, as typed: an employee number may be case-sensitive. */
    private final Cache<String, Optional<User>> byLogin;
    /** Bumped by every invalidation; a load that started before one must not store what it read. */
    private final AtomicLong generation = new AtomicLong();
    private volatile DirectoryListener listener;

    private UserDirectory(Pool pool, Settings settings) {
        this.repository = new UserRepository(pool);
        this.byUsername = newCache(settings);
        this.bySubject = newCache(settings);
        this.byLogin = newCache(settings);
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

    /**
     * The user a typed login name means under {@code loginAttributes} (the node's {@code login.attributes}): the
     * username (always, case-insensitively), the email (case-insensitively), the phone, or an attribute such as the
     * employee number. A name that two users could mean finds no one: imports refuse such data, and a guess would
     * let one person's failures lock the other out.
     */
    public Future<Optional<User>> byLogin(String login, List<String> loginAttributes) {
        List<String> attributes = withUsername(loginAttributes);
        if (login == null || login.isEmpty()) {
            return Future.succeededFuture(Optional.empty());
        }
        return lookup(byLogin, String.join(",", attributes) + "\n" + login,
                key -> repository.findByLogin(login, attributes).map(found -> single(login, found)));
    }

    public void invalidateAll() {
        generation.incrementAndGet();
        byUsername.invalidateAll();
        bySubject.invalidateAll();
        byLogin.invalidateAll();
    }

    public Future<Void> close() {
        return listener == null ? Future.succeededFuture() : listener.close();
    }

    private static List<String> withUsername(List<String> attributes) {
        if (attributes.contains("username")) {
            return attributes;
        }
        List<String> all = new ArrayList<>(attributes.size() + 1);
        all.add("username");
        all.addAll(attributes);
        return all;
    }

    /** One match, or the user whose username it exactly is among two; otherwise ambiguous, so no one. */
    private static Optional<User> single(String login, List<User> found) {
        if (found.size() == 1) {
            return Optional.of(found.get(0));
        }
        return found.stream().filter(u -> u.username().equals(login)).findFirst();
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
        }
        if (found.isEmpty() || cache == byLogin) {
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
        // A changed email or number may now mean someone else: login names are few next to sign-ins, drop them all.
        byLogin.invalidateAll();
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
