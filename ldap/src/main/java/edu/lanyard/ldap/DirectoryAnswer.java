package edu.lanyard.ldap;

import edu.lanyard.core.user.SignInOutcome;

/** What the directory said about a login name and a password, before any local copy is made. */
sealed interface DirectoryAnswer {
    /** No entry for this login name: the next authenticator (or "bad credentials") decides. */
    record NotFound() implements DirectoryAnswer {
    }

    /**
     * The entry exists and the sign-in is refused: a wrong password, or the account's state.
     *
     * @param account the entry's username when it is known, so failures count on the account whatever login name
     *                was typed; null when it is not
     */
    record Refused(SignInOutcome outcome, String account) implements DirectoryAnswer {
        Refused(SignInOutcome outcome) {
            this(outcome, null);
        }
    }

    /** The password is right and the account may sign in. */
    record Found(DirectoryProfile profile) implements DirectoryAnswer {
    }
}
