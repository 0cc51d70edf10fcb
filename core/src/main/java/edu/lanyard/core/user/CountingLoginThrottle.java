package edu.lanyard.core.user;

import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.core.event.AccountLocked;
import edu.lanyard.core.event.LoginFailed;
import edu.lanyard.core.ledger.Ledger;
import edu.lanyard.core.metrics.SignInMeters;
import edu.lanyard.core.store.LoginAttempts;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Locks an account (its canonical username) after {@code maxFailuresPerUser} failures, and an address after {@code maxFailuresPerIp}, for
 * {@code lockoutSeconds}. Failures and locks are lifecycle events like the rest, for the audit log: the Ledger's
 * {@linkplain Ledger#note notes}, published without waiting.
 */
public final class CountingLoginThrottle implements LoginThrottle {
    private final LoginAttempts attempts;
    private final Ledger ledger;
    private final LanyardConfig.Login settings;
    private final SignInMeters meters;

    public CountingLoginThrottle(LoginAttempts attempts, Ledger ledger, LanyardConfig.Login settings,
                                 SignInMeters meters) {
        this.attempts = attempts;
        this.ledger = ledger;
        this.settings = settings;
        this.meters = meters;
    }

    @Override
    public Future<Optional<Instant>> lockedUntil(String account, String ip) {
        Future<Long> user = attempts.lockedUntil(userKey(account));
        Future<Long> address = ip == null ? Future.succeededFuture() : attempts.lockedUntil(ipKey(ip));
        return Future.all(user, address).map(both -> Stream.of(user.result(), address.result())
                .filter(Objects::nonNull)
                .max(Long::compare)
                .map(Instant::ofEpochSecond));
    }

    @Override
    public Future<Void> recordFailure(String account, String ip, String clientId) {
        ledger.note(Ledger.by(ip, meta -> new LoginFailed(meta, account, clientId, "bad_credentials")));
        Future<Void> user = count(userKey(account), account, SignInMeters.LockKind.USER,
                settings.maxFailuresPerUser(), ip);
        Future<Void> address = ip == null ? Future.succeededFuture()
                : count(ipKey(ip), ip, SignInMeters.LockKind.IP, settings.maxFailuresPerIp(), ip);
        return Future.all(user, address).mapEmpty();
    }

    @Override
    public Future<Void> recordSuccess(String account) {
        return attempts.clearFailures(userKey(account));
    }

    @Override
    public Future<Void> unlock(String account) {
        String key = userKey(account);
        return attempts.unlock(key).compose(v -> attempts.clearFailures(key));
    }

    private Future<Void> count(String key, String target, SignInMeters.LockKind kind, int max, String ip) {
        long window = settings.lockoutSeconds();
        return attempts.countFailure(key, window).compose(failures -> {
            if (failures < max) {
                return Future.succeededFuture();
            }
            long until = ledger.now().getEpochSecond() + settings.lockoutSeconds();
            ledger.note(Ledger.by(ip, meta -> new AccountLocked(meta, target,
                    kind.name().toLowerCase(Locale.ROOT), failures, until)));
            meters.lockout(kind);
            return attempts.lock(key, until, settings.lockoutSeconds()).compose(v -> attempts.clearFailures(key));
        });
    }

    private static String userKey(String account) {
        return "user:" + account.toLowerCase(Locale.ROOT);
    }

    private static String ipKey(String ip) {
        return "ip:" + ip;
    }
}
