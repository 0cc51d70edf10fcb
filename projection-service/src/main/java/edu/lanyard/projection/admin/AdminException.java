package edu.lanyard.projection.admin;

/** An admin request that cannot be answered as asked, with the status and error code to say so. */
final class AdminException extends RuntimeException {
    private final int status;
    private final String error;

    AdminException(int status, String error, String description) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
    }

    static AdminException badRequest(String description) {
        return new AdminException(400, "invalid_request", description);
    }

    static AdminException notFound(String description) {
        return new AdminException(404, "not_found", description);
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }
}
