package edu.lanyard.directory.importing;

import java.util.List;

/** An import file that cannot be applied; {@link #problems()} names every bad entry, one line each. */
public final class InvalidImportException extends RuntimeException {
    private final List<String> problems;

    public InvalidImportException(List<String> problems) {
        super(problems.size() == 1
                ? problems.get(0)
                : problems.size() + " problems in import file:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
