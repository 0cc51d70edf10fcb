package edu.lanyard.core.crypto;

/** A sealed value that cannot be opened, and why. The message names ids and formats, never key material. */
public final class EnvelopeException extends Exception {
    public enum Reason {
        /** Sealed under a master key this process was not given (keys.masterKey / keys.previousMasterKeys). */
        UNKNOWN_MASTER_KEY,
        /** The tag does not verify: the value was altered, or belongs to another record. */
        NOT_AUTHENTIC,
        /** A format version this Lanyard does not read. */
        UNSUPPORTED_VERSION,
        MALFORMED
    }

    private final Reason reason;

    public EnvelopeException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
