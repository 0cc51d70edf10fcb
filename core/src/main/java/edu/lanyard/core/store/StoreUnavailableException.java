package edu.lanyard.core.store;

/**
 * A store did not answer (its cluster is unreachable or timed out). Nothing was decided: the caller may retry. The
 * HTTP edge answers it as 503 temporarily_unavailable.
 */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
