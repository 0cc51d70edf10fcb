package edu.lanyard.common.http;

/**
 * A request that cannot be read: its path, query string or form body is not well-formed text. The message says
 * what is wrong and where, never what the request contained (it may hold credentials), and the exception carries
 * no stack trace: there is nothing to debug on the server's side.
 */
public final class MalformedRequestException extends RuntimeException {
    public MalformedRequestException(String message) {
        super(message, null, false, false);
    }
}
