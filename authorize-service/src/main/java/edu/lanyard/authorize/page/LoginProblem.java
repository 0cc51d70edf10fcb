package edu.lanyard.authorize.page;

/** Why the login form is shown again; each has a message in every language. */
public enum LoginProblem {
    /** Wrong username or password; deliberately does not say which. */
    INVALID_CREDENTIALS,
    MISSING_FIELDS,
    /** Locked after too many failures; the message says in how many minutes the lock ends. */
    ACCOUNT_LOCKED,
    /** The right password, but the account is disabled (here or in the directory). */
    ACCOUNT_DISABLED,
    /** The directory says the account has expired. */
    ACCOUNT_EXPIRED,
    /** The directory says the password has expired or must be changed first. */
    PASSWORD_EXPIRED,
    TOO_MANY_ATTEMPTS,
    /** The CSRF token did not verify (e.g. the form sat open too long, or cookies are blocked). */
    FORM_EXPIRED,
    /** A temporary failure behind the form (user store or Kafka unavailable); the user may retry. */
    TRY_AGAIN_LATER;

    String messageKey() {
        return "login_problem_" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
