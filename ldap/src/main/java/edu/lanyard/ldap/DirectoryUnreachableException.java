package edu.lanyard.ldap;

/** No configured directory server answered (all down, or timed out): nothing was decided about the password. */
final class DirectoryUnreachableException extends Exception {
    DirectoryUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
