package edu.lanyard.core.user;

import edu.lanyard.core.domain.User;

import java.time.Instant;

/**
 * How one attempt to sign in with a login name and a password ended, as the login page and the password grant both
 * need to know it: each refusal has its own message on the page, and every refusal is {@code invalid_grant} on the
 * token endpoint.
 */
public sealed interface SignInOutcome {

    /** Short text for {@code error_description}: it names the refusal, never the password or the login. */
    String description();

    /** The password is right and the account may sign in. */
    record SignedIn(User user) implements SignInOutcome {
        @Override
        public String description() {
            return "signed in";
        }
    }

    /** Unknown login or wrong password; deliberately does not say which. Counts toward the lockout. */
    record BadCredentials() implements SignInOutcome {
        @Override
        public String description() {
            return "invalid username or password";
        }
    }

    /** The account or the client address is locked out until {@code until}; the password was not checked. */
    record Locked(Instant until) implements SignInOutcome {
        @Override
        public String description() {
            return "too many failed sign-in attempts; try again after " + until;
        }
    }

    /** The account is disabled (by the help desk here, or in the directory); said only after a right password. */
    record Disabled() implements SignInOutcome {
        @Override
        public String description() {
            return "this account is disabled";
        }
    }

    /** The directory says the account has expired. */
    record AccountExpired() implements SignInOutcome {
        @Override
        public String description() {
            return "this account has expired";
        }
    }

    /** The directory says the password has expired or must be changed before the next sign-in. */
    record PasswordChangeRequired() implements SignInOutcome {
        @Override
        public String description() {
            return "the password has expired and must be changed";
        }
    }
}
