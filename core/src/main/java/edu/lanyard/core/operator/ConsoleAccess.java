package edu.lanyard.core.operator;

/** What a bearer token presented to the console or the operator API turns out to be. */
public sealed interface ConsoleAccess {
    /** Not an active access token of the console's client: some other credential, or nothing valid at all. */
    record NotConsoleToken() implements ConsoleAccess {
    }

    /** A valid console token of a user who does not (or no longer) hold the operator role, or is disabled. */
    record NotOperator(String subject, String username) implements ConsoleAccess {
    }

    /** An operator: the actor every action of the request is recorded under. */
    record Operator(String subject, String username) implements ConsoleAccess {
        /** What audit lines name as {@code detail.actor}. */
        public String actor() {
            return username == null ? subject : username;
        }
    }
}
