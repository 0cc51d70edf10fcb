package edu.lanyard.directory.db;

import java.util.Optional;

/** One row of {@code clients} or {@code users} changed; parsed from a {@code lanyard_directory} notification. */
public record DirectoryChange(Kind kind, String id) {
    public enum Kind { CLIENT, USER, CAS_SERVICE }

    /** Payloads look like {@code client:portal} or {@code user:Xb3…}; anything else is not ours. */
    public static Optional<DirectoryChange> parse(String payload) {
        if (payload == null) {
            return Optional.empty();
        }
        int colon = payload.indexOf(':');
        if (colon <= 0 || colon == payload.length() - 1) {
            return Optional.empty();
        }
        String id = payload.substring(colon + 1);
        return switch (payload.substring(0, colon)) {
            case "client" -> Optional.of(new DirectoryChange(Kind.CLIENT, id));
            case "user" -> Optional.of(new DirectoryChange(Kind.USER, id));
            case "cas_service" -> Optional.of(new DirectoryChange(Kind.CAS_SERVICE, id));
            default -> Optional.empty();
        };
    }
}
