package edu.lanyard.core.user;

import edu.lanyard.core.domain.User;
import io.vertx.core.Future;

/**
 * One place where passwords are checked: Lanyard's own users, or a campus directory. {@link SignIn} asks each in
 * turn until one knows the login name. Implementations never block the event loop: hashing and directory binds run
 * on workers.
 */
@FunctionalInterface
public interface Authenticator {

    Future<Verdict> authenticate(String login, String password);

    /** What one authenticator says about a login name and a password. */
    sealed interface Verdict {
        /** This authenticator does not know the login name: ask the next. */
        record Unknown() implements Verdict {
        }

        /** The password is right for {@code user}, the canonical record (a directory user's fresh local copy). */
        record Verified(User user) implements Verdict {
        }

        /**
         * The login name is known here and the attempt is refused ({@link SignInOutcome.BadCredentials} for a wrong
         * password; a directory's account states otherwise). No later authenticator is asked.
         *
         * @param account the canonical username of the account refused, when this authenticator knows it and Lanyard
         *                may not yet (a directory user who never signed in has no local copy): failures then count on
         *                the account, not on the login name typed; null when unknown
         */
        record Refused(SignInOutcome outcome, String account) implements Verdict {
            public Refused(SignInOutcome outcome) {
                this(outcome, null);
            }
        }
    }
}
