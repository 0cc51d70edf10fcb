package edu.lanyard.core.user;

import edu.lanyard.core.domain.User;
import edu.lanyard.core.event.LoginFailed;
import edu.lanyard.core.ledger.Ledger;
import edu.lanyard.core.metrics.SignInMeters;
import edu.lanyard.core.user.Authenticator.Verdict;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One attempt to sign in with a login name and a password, the same for the login page and the password grant: the
 * lockout is checked on the account the login name means, the authenticators are asked in turn, and the outcome is
 * counted, throttled and written to the audit log. Which outcome it was is decided here once, so every sign-in path
 * reports it the same way.
 */
public final class SignIn {
    private final List<Authenticator> authenticators;
    private final UserLookup users;
    private final LoginThrottle throttle;
    private final PasswordCheck passwords;
    private final Ledger ledger;
    private final SignInMeters meters;

    /**
     * @param authenticators asked in this order; the first that knows the login name decides
     * @param passwords      spends a password check's work when nobody knows the login name, so response time does
     *                       not tell which names exist
     */
    public SignIn(List<Authenticator> authenticators, UserLookup users, LoginThrottle throttle,
                  PasswordCheck passwords, Ledger ledger, SignInMeters meters) {
        this.authenticators = List.copyOf(authenticators);
        this.users = users;
        this.throttle = throttle;
        this.passwords = passwords;
        this.ledger = ledger;
        this.meters = meters;
    }

    /** The campus directory among the authenticators, when one is configured (ldap.enabled). */
    public java.util.Optional<DirectoryPeople> directoryPeople() {
        return authenticators.stream().filter(DirectoryPeople.class::isInstance).map(DirectoryPeople.class::cast)
                .findFirst();
    }

    public LoginThrottle throttle() {
        return throttle;
    }

    /** Fails only when a store cannot answer (not a sign-in outcome: the caller says "try again later"). */
    public Future<SignInOutcome> attempt(SignInMeters.Via via, String login, String password, String ip,
                                         String clientId) {
        return users.byLogin(login).map(found -> found.map(User::username).orElse(login))
                .compose(account -> throttle.lockedUntil(account, ip).compose(lock -> {
                    if (lock.isPresent()) {
                        meters.signIn(via, SignInMeters.Outcome.LOCKED);
                        return Future.succeededFuture(new SignInOutcome.Locked(lock.get()));
                    }
                    return ask(0, login, password)
                            .compose(verdict -> settle(via, account, verdict, ip, clientId));
                }));
    }

    private Future<Verdict> ask(int index, String login, String password) {
        if (index == authenticators.size()) {
            return passwords.verify(null, password).map(ignored -> new Verdict.Unknown());
        }
        return authenticators.get(index).authenticate(login, password).compose(verdict ->
                verdict instanceof Verdict.Unknown ? ask(index + 1, login, password) : Future.succeededFuture(verdict));
    }

    /**
     * The account the verdict is about may be one the login name did not lead to before (a directory user's first
     * sign-in, typed as an email): then its lock is checked now, so no login name gets failures of its own.
     */
    private Future<SignInOutcome> settle(SignInMeters.Via via, String typedAccount, Verdict verdict, String ip,
                                         String clientId) {
        String account = accountOf(verdict, typedAccount);
        Future<Optional<Instant>> lock = account.equalsIgnoreCase(typedAccount)
                ? Future.succeededFuture(Optional.empty())
                : throttle.lockedUntil(account, null);
        return lock.compose(locked -> {
            if (locked.isPresent()) {
                meters.signIn(via, SignInMeters.Outcome.LOCKED);
                Future<Void> counted = verdict instanceof Verdict.Verified ? Future.succeededFuture()
                        : throttle.recordFailure(account, ip, clientId);
                return counted.map(new SignInOutcome.Locked(locked.get()));
            }
            return settleUnlocked(via, account, verdict, ip, clientId);
        });
    }

    private static String accountOf(Verdict verdict, String typedAccount) {
        if (verdict instanceof Verdict.Verified verified) {
            return verified.user().username();
        }
        if (verdict instanceof Verdict.Refused refused && refused.account() != null) {
            return refused.account();
        }
        return typedAccount;
    }

    private Future<SignInOutcome> settleUnlocked(SignInMeters.Via via, String account, Verdict verdict, String ip,
                                                 String clientId) {
        if (verdict instanceof Verdict.Verified verified) {
            User user = verified.user();
            if (user.disabled()) {
                return refuse(via, account, new SignInOutcome.Disabled(), ip, clientId);
            }
            meters.signIn(via, SignInMeters.Outcome.SUCCESS);
            return throttle.recordSuccess(account).map(new SignInOutcome.SignedIn(user));
        }
        SignInOutcome outcome = verdict instanceof Verdict.Refused refused
                ? refused.outcome()
                : new SignInOutcome.BadCredentials();
        if (outcome instanceof SignInOutcome.BadCredentials) {
            meters.signIn(via, SignInMeters.Outcome.FAILURE);
            return throttle.recordFailure(account, ip, clientId).map(outcome);
        }
        return refuse(via, account, outcome, ip, clientId);
    }

    /** A refusal with the right password (or one the directory made): audited, counted, not a lockout failure. */
    private Future<SignInOutcome> refuse(SignInMeters.Via via, String account, SignInOutcome outcome, String ip,
                                         String clientId) {
        meters.signIn(via, SignInMeters.Outcome.REFUSED);
        ledger.note(Ledger.by(ip, meta -> new LoginFailed(meta, account, clientId, reason(outcome))));
        return Future.succeededFuture(outcome);
    }

    private static String reason(SignInOutcome outcome) {
        if (outcome instanceof SignInOutcome.Disabled) {
            return "disabled";
        }
        if (outcome instanceof SignInOutcome.AccountExpired) {
            return "account_expired";
        }
        if (outcome instanceof SignInOutcome.PasswordChangeRequired) {
            return "password_change_required";
        }
        return "bad_credentials";
    }
}
