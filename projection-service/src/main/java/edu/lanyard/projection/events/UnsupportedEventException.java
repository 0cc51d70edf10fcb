package edu.lanyard.projection.events;

/**
 * An event written by a newer Lanyard than this projector. Skipping it would lose data, so the partition waits
 * until a projector that knows the version takes over.
 */
public final class UnsupportedEventException extends RuntimeException {
    private final String type;
    private final int version;

    public UnsupportedEventException(String type, int version) {
        super(type + " v" + version + " is newer than this projector understands; upgrade the projection service");
        this.type = type;
        this.version = version;
    }

    public String type() {
        return type;
    }

    public int version() {
        return version;
    }
}
