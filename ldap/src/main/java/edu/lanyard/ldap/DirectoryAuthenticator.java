package edu.lanyard.ldap;

import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.core.domain.User;
import edu.lanyard.core.store.StoreUnavailableException;
import edu.lanyard.core.user.Authenticator;
import edu.lanyard.core.user.DirectoryPeople;
import edu.lanyard.core.user.SignInOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Campus directory sign-in, asked after Lanyard's own users: the directory judges the password, and a user it
 * accepts is copied into Lanyard's users (origin DIRECTORY, no password hash) with a subject that never changes.
 * Every directory call runs on a worker. A directory that no server of answers fails the attempt with
 * {@link StoreUnavailableException} ("try again later", 503), never "wrong password".
 */
public final class DirectoryAuthenticator implements Authenticator, DirectoryPeople, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryAuthenticator.class);

    private final WorkerExecutor workers;
    private final DirectoryConnections connections;
    private final DirectoryLookup lookup;
    private final DirectoryCopies copies;
    private final DirectoryMeters meters;
    private final Clock clock;

    public DirectoryAuthenticator(Vertx vertx, LanyardConfig.Ldap config, DirectoryCopies copies,
                                  MeterRegistry registry, Clock clock) {
        // Workers of its own: a directory that hangs until its timeouts holds these, never the threads that hash
        // local users' passwords or run JDBC.
        this.workers = vertx.createSharedWorkerExecutor("lanyard-ldap", 2 * config.poolSize() + 2);
        this.connections = DirectoryConnections.open(config);
        this.lookup = new DirectoryLookup(config, connections,
                new ProfileCache(Duration.ofSeconds(config.profileCacheSeconds()), clock), clock);
        this.copies = copies;
        this.meters = new DirectoryMeters(registry);
        this.clock = clock;
    }

    @Override
    public Future<Verdict> authenticate(String login, String password) {
        if (login == null || login.isBlank()) {
            return Future.succeededFuture(new Verdict.Unknown());
        }
        if (password == null || password.isEmpty()) {
            // An empty password is an unauthenticated bind in LDAP, which many servers accept as "success".
            return Future.succeededFuture(new Verdict.Refused(new SignInOutcome.BadCredentials()));
        }
        long started = System.nanoTime();
        return workers.executeBlocking(() -> lookup.signIn(login, password), false)
                .recover(failure -> {
                    meters.record(DirectoryMeters.Outcome.UNREACHABLE, since(started));
                    return Future.failedFuture(failure instanceof DirectoryUnreachableException
                            ? new StoreUnavailableException(failure.getMessage(), failure)
                            : failure);
                })
                .compose(answer -> {
                    meters.record(outcome(answer), since(started));
                    return verdict(answer);
                });
    }

    @Override
    public Future<List<Person>> search(String text, int limit) {
        if (text == null || text.isBlank() || limit < 1) {
            return Future.succeededFuture(List.of());
        }
        return onWorker(() -> lookup.searchPeople(text, limit).stream().map(DirectoryAuthenticator::person).toList());
    }

    @Override
    public Future<Optional<Person>> find(String login) {
        if (login == null || login.isBlank()) {
            return Future.succeededFuture(Optional.empty());
        }
        return onWorker(() -> lookup.person(login).map(DirectoryAuthenticator::person));
    }

    private <T> Future<T> onWorker(java.util.concurrent.Callable<T> call) {
        return workers.executeBlocking(call, false).recover(failure -> Future.failedFuture(
                failure instanceof DirectoryUnreachableException
                        ? new StoreUnavailableException(failure.getMessage(), failure) : failure));
    }

    @SuppressWarnings("unchecked")
    private static Person person(DirectoryProfile profile) {
        Map<String, Object> attributes = new java.util.LinkedHashMap<>(profile.attributes());
        Object roles = attributes.remove("roles");
        return new Person(profile.username(), profile.name(), profile.email(), profile.phone(),
                roles instanceof List<?> list ? (List<String>) list : List.of(), attributes);
    }

    private Future<Verdict> verdict(DirectoryAnswer answer) {
        if (answer instanceof DirectoryAnswer.NotFound) {
            return Future.succeededFuture(new Verdict.Unknown());
        }
        if (answer instanceof DirectoryAnswer.Refused refused) {
            return Future.succeededFuture(new Verdict.Refused(refused.outcome(), refused.account()));
        }
        DirectoryProfile profile = ((DirectoryAnswer.Found) answer).profile();
        if (profile.username() == null || profile.username().isBlank()) {
            LOG.warn("directory entry {} has no value for the username (ldap.attributes, ldap.loginAttributes)",
                    profile.dn());
            return Future.succeededFuture(new Verdict.Refused(new SignInOutcome.BadCredentials()));
        }
        return copies.byUsername(profile.username()).compose(existing -> {
            if (existing.isPresent() && existing.get().origin() != User.Origin.DIRECTORY) {
                // A local user of that name wins: the directory never overwrites an account Lanyard holds the
                // password of.
                LOG.warn("directory entry {} maps to local user {}: the local account wins", profile.dn(),
                        profile.username());
                return Future.succeededFuture(new Verdict.Refused(new SignInOutcome.BadCredentials()));
            }
            String subject = existing.map(User::subject)
                    .orElseGet(() -> profile.directoryId() != null ? profile.directoryId() : UUID.randomUUID().toString());
            return copies.save(profile.copy(subject, clock.instant())).map(Verdict.Verified::new);
        });
    }

    private static DirectoryMeters.Outcome outcome(DirectoryAnswer answer) {
        if (answer instanceof DirectoryAnswer.Found) {
            return DirectoryMeters.Outcome.SUCCESS;
        }
        if (answer instanceof DirectoryAnswer.NotFound) {
            return DirectoryMeters.Outcome.NOT_FOUND;
        }
        return ((DirectoryAnswer.Refused) answer).outcome() instanceof SignInOutcome.BadCredentials
                ? DirectoryMeters.Outcome.BAD_CREDENTIALS : DirectoryMeters.Outcome.REFUSED;
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    @Override
    public void close() {
        workers.close();
        connections.close();
    }
}
