package edu.lanyard.core.client;

import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.core.store.AuthFailureWindows;
import edu.lanyard.core.store.AuthFailureWindows.Window;
import edu.lanyard.core.token.TokenHash;
import io.vertx.core.Future;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * Slows down guessing of client secrets: once a client_id, or a source address, has failed client authentication
 * {@code failuresPer…} times within a window, its further requests are refused until the window ends, whatever
 * credentials they carry (answering a right guess differently would let the guessing go on). Only failures count,
 * so a client presenting its right secret is never throttled by its own volume. The price, as with any lockout, is
 * that someone failing on purpose under a client's id holds that client up for the rest of a window.
 */
public final class ClientAuthThrottle {
    /** What tripped the limit; also the {@code reason} tag of the metric. */
    public enum Reason {
        CLIENT, ADDRESS;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A request that must wait: answer 429 with {@code Retry-After: retryAfterSeconds}. */
    public record Refusal(Reason reason, long retryAfterSeconds) {
    }

    private final AuthFailureWindows windows;
    private final LanyardConfig.RateLimit settings;
    private final Clock clock;

    public ClientAuthThrottle(AuthFailureWindows windows, LanyardConfig.RateLimit settings, Clock clock) {
        if (settings.enabled() && (settings.failuresPerClient() < 1 || settings.failuresPerAddress() < 1
                || settings.windowSeconds() < 1)) {
            throw new IllegalArgumentException("rateLimit.failuresPerClient, failuresPerAddress and windowSeconds"
                    + " must be at least 1");
        }
        this.windows = windows;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Whether a request naming {@code clientId} (may be null) from {@code address} (may be null) must wait.
     * The client's limit is looked at first: it is the one a guesser cannot escape by changing address.
     */
    public Future<Optional<Refusal>> check(String clientId, String address) {
        if (!settings.enabled()) {
            return Future.succeededFuture(Optional.empty());
        }
        long now = clock.instant().getEpochSecond();
        Future<Optional<Refusal>> byClient = clientId == null ? Future.succeededFuture(Optional.empty())
                : windows.open(clientKey(clientId), now)
                .map(w -> refusal(w, settings.failuresPerClient(), Reason.CLIENT, now));
        Future<Optional<Refusal>> byAddress = address == null ? Future.succeededFuture(Optional.empty())
                : windows.open(addressKey(address), now)
                .map(w -> refusal(w, settings.failuresPerAddress(), Reason.ADDRESS, now));
        return Future.all(byClient, byAddress).map(both -> byClient.result().or(byAddress::result));
    }

    /** Counts one failed client authentication against the client_id it named (if any) and the address. */
    public Future<Void> recordFailure(String clientId, String address) {
        if (!settings.enabled()) {
            return Future.succeededFuture();
        }
        long now = clock.instant().getEpochSecond();
        Future<Window> byClient = clientId == null ? Future.succeededFuture()
                : windows.countFailure(clientKey(clientId), now, settings.windowSeconds());
        Future<Window> byAddress = address == null ? Future.succeededFuture()
                : windows.countFailure(addressKey(address), now, settings.windowSeconds());
        return Future.all(byClient, byAddress).mapEmpty();
    }

    private static Optional<Refusal> refusal(Optional<Window> window, int limit, Reason reason, long now) {
        return window.filter(w -> w.failures() >= limit)
                .map(w -> new Refusal(reason, Math.max(1, w.endsAt() - now)));
    }

    /** Hashed: a client_id is whatever the caller sent, of any length, and need not exist. */
    private static String clientKey(String clientId) {
        return "client:" + TokenHash.of(clientId);
    }

    private static String addressKey(String address) {
        return "ip:" + address;
    }
}
