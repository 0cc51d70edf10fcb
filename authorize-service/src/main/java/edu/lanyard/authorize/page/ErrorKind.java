package edu.lanyard.authorize.page;

import java.util.Locale;

/**
 * The failures that end a browser sign-in on Lanyard's own error page instead of a redirect to the client: there
 * is no trustworthy place to send the user (unknown client, unregistered redirect URI) or nothing to resume.
 */
public enum ErrorKind {
    UNKNOWN_CLIENT(400, "invalid_client"),
    INVALID_REDIRECT_URI(400, "invalid_request"),
    BAD_REQUEST(400, "invalid_request"),
    REQUEST_EXPIRED(400, "invalid_request"),
    ACCESS_DENIED(403, "access_denied"),
    NOT_FOUND(404, "not_found"),
    SERVER_ERROR(500, "server_error"),
    TEMPORARILY_UNAVAILABLE(503, "temporarily_unavailable");

    private final int status;
    private final String defaultCode;

    ErrorKind(int status, String defaultCode) {
        this.status = status;
        this.defaultCode = defaultCode;
    }

    public int status() {
        return status;
    }

    public String defaultCode() {
        return defaultCode;
    }

    String key() {
        return "error_" + name().toLowerCase(Locale.ROOT);
    }
}
