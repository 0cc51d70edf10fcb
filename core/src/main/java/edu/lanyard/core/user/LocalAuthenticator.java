package edu.lanyard.core.user;

import edu.lanyard.core.domain.User;
import io.vertx.core.Future;

/**
 * Lanyard's own users: the login name is looked up by every configured login attribute, and the password checked
 * against the stored hash off the event loop. A user without a hash here (a copy of a directory user) is not known
 * to this authenticator.
 */
public final class LocalAuthenticator implements Authenticator {
    private final UserLookup users;
    private final PasswordCheck passwords;

    public LocalAuthenticator(UserLookup users, PasswordCheck passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    @Override
    public Future<Verdict> authenticate(String login, String password) {
        return users.byLogin(login).compose(found -> {
            if (found.isEmpty() || found.get().origin() != User.Origin.LOCAL || found.get().passwordHash() == null) {
                return Future.succeededFuture(new Verdict.Unknown());
            }
            User user = found.get();
            return passwords.verify(user, password).map(ok -> ok
                    ? new Verdict.Verified(user)
                    : new Verdict.Refused(new SignInOutcome.BadCredentials()));
        });
    }
}
