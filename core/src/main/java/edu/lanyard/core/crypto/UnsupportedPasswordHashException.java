package edu.lanyard.core.crypto;

/** A password hash that cannot be verified: unknown format or bad parts. The message never quotes the hash. */
public final class UnsupportedPasswordHashException extends IllegalArgumentException {
    public UnsupportedPasswordHashException(String message) {
        super(message);
    }
}
