package edu.lanyard.core.user;

import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.event.AccountLocked;
import edu.lanyard.core.event.LoginFailed;
import edu.lanyard.core.ledger.Ledger;
import edu.lanyard.core.store.LoginAttempts;
import io.vertx.core.Future;

import java.util.Locale;

/**
 * Locks a username after {@code maxFailuresPerUser} failures, and an address after {@code maxFailuresPerIp}, for
 * {@code lockoutSeconds}. Failures and locks are lifecycle events like the rest, for the audit log: the Ledger's
 * {@linkplain Ledger#note notes}, published without waiting.
 */
public final class CountingLoginThrottle implements LoginThrottle {
    private final LoginAttempts attempts;
    private final Ledger ledger;
    private final LanyardConfig.Login settings;

    public CountingLoginThrottle(LoginAttempts attempts, Ledger ledger, LanyardConfig.Login settings) {
        this.attempts = attempts;
        this.ledger = ledger;
        this.settings = settings;
    }

    @Override
    public Future<Void> checkAllowed(String username, String ip) {
        Future<Long> user = attempts.lockedUntil(userKey(username));
        Future<Long> address = ip == null ? Future.succeededFuture() : attempts.lockedUntil(ipKey(ip));
        return Future.all(user, address).compose(both -> user.result() != null || address.result() != null
                ? Future.failedFuture(OAuthError.invalidGrant(
                        "too many failed sign-in attempts; try again later").toException())
                : Future.succeededFuture());
    }

    @Override
    public Future<Void> recordFailure(String username, String ip, String clientId) {
        ledger.note(Ledger.by(ip, meta -> new LoginFailed(meta, username, clientId, "bad_credentials")));
        Future<Void> user = count(userKey(username), username, "user", settings.maxFailuresPerUser(), ip);
        Future<Void> address = ip == null ? Future.succeededFuture()
                : count(ipKey(ip), ip, "ip", settings.maxFailuresPerIp(), ip);
        return Future.all(user, address).mapEmpty();
    }

    @Override
    public Future<Void> recordSuccess(String username) {
        return attempts.clearFailures(userKey(username));
    }

    private Future<Void> count(String key, String target, String kind, int max, String ip) {
        long window = settings.lockoutSeconds();
        return attempts.countFailure(key, window).compose(failures -> {
            if (failures < max) {
                return Future.succeededFuture();
            }
            long until = ledger.now().getEpochSecond() + settings.lockoutSeconds();
            ledger.note(Ledger.by(ip, meta -> new AccountLocked(meta, target, kind, failures, until)));
            return attempts.lock(key, until, settings.lockoutSeconds()).compose(v -> attempts.clearFailures(key));
        });
    }

    private static String userKey(String username) {
        return "user:" + username.toLowerCase(Locale.ROOT);
    }

    private static String ipKey(String ip) {
        return "ip:" + ip;
    }
}
