package edu.lanyard.dialects;

import java.util.List;

/** A mount's options that name an unknown option or give one a value of the wrong type; a node refuses to start. */
public final class InvalidDialectOptionsException extends IllegalArgumentException {
    private final List<String> problems;

    public InvalidDialectOptionsException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
