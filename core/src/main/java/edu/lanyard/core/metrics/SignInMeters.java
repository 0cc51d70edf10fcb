package edu.lanyard.core.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Locale;

/**
 * What people do at the front door, counted per process: sign-ins by outcome (the login page and the password grant),
 * lockouts, consent decisions, logouts and ended sessions. The fixed series are registered at zero when this is
 * built, so a dashboard's {@code rate()} and an alert see them before the first event of the morning. Registering is
 * idempotent: every service may build its own.
 */
public final class SignInMeters {
    /** Where a person typed a password. */
    public enum Via {
        LOGIN_PAGE, PASSWORD_GRANT;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * How a sign-in attempt ended: the right password, a wrong one (or an unknown user), refused while locked, or
     * refused for the account's state (disabled, expired, password to be changed).
     */
    public enum Outcome {
        SUCCESS, FAILURE, LOCKED, REFUSED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a lockout locked: a user name or a client address ({@code login.maxFailuresPerUser} / {@code PerIp}). */
    public enum LockKind {
        USER, IP;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Why a session ended, as {@code SessionEnded.reason} says. */
    public static final String[] SESSION_END_REASONS = {"logout", "replaced", "admin"};

    private final MeterRegistry meters;

    public SignInMeters(MeterRegistry meters) {
        this.meters = meters;
        for (Via via : Via.values()) {
            for (Outcome outcome : Outcome.values()) {
                signIns(via, outcome);
            }
        }
        for (LockKind kind : LockKind.values()) {
            lockouts(kind);
        }
        consents(true);
        consents(false);
        logouts("rp_initiated", "standard");
        for (String reason : SESSION_END_REASONS) {
            sessionsEnded(reason);
        }
    }

    public void signIn(Via via, Outcome outcome) {
        signIns(via, outcome).increment();
    }

    public void lockout(LockKind kind) {
        lockouts(kind).increment();
    }

    public void consent(boolean granted) {
        consents(granted).increment();
    }

    /** OIDC RP-initiated logout at {@code end_session_endpoint} that signed a browser out. */
    public void rpInitiatedLogout() {
        logouts("rp_initiated", "standard").increment();
    }

    /** A product's logout endpoint (CAS, ketanyun, MaxKey, PHP SSO) that signed a browser out. */
    public void productLogout(String dialect) {
        logouts("product", dialect).increment();
    }

    /** A session actually ended (a logout of a browser without one ends nothing). */
    public void sessionEnded(String reason) {
        sessionsEnded(reason).increment();
    }

    private Counter signIns(Via via, Outcome outcome) {
        return Counter.builder("lanyard.signins")
                .description("Sign-in attempts with a user name and password, by where (login page, password grant)"
                        + " and outcome (success, failure, locked)")
                .tag("via", via.tag())
                .tag("outcome", outcome.tag())
                .register(meters);
    }

    private Counter lockouts(LockKind kind) {
        return Counter.builder("lanyard.lockouts")
                .description("User names (kind=user) or addresses (kind=ip) locked after too many failed sign-ins")
                .tag("kind", kind.tag())
                .register(meters);
    }

    private Counter consents(boolean granted) {
        return Counter.builder("lanyard.consents")
                .description("Answers on the consent page: granted or denied")
                .tag("decision", granted ? "granted" : "denied")
                .register(meters);
    }

    private Counter logouts(String kind, String dialect) {
        return Counter.builder("lanyard.logouts")
                .description("Logout requests that signed a browser out: rp_initiated (OIDC end_session_endpoint)"
                        + " or product (a product dialect's logout), by dialect")
                .tag("kind", kind)
                .tag("dialect", dialect)
                .register(meters);
    }

    private Counter sessionsEnded(String reason) {
        return Counter.builder("lanyard.sessions.ended")
                .description("SSO sessions ended, by reason: logout, replaced (another user signed in on the same"
                        + " browser), admin (operator API)")
                .tag("reason", reason)
                .register(meters);
    }
}
