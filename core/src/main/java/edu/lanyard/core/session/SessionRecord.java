package edu.lanyard.core.session;

/**
 * An SSO session. The browser holds a random cookie; the cluster stores the session under the cookie's hash.
 *
 * @param sid               the public session id (the OIDC {@code sid} claim); not the cookie
 * @param authTime          epoch seconds of the password check
 * @param absoluteExpiresAt epoch seconds after which the session ends however active it is
 */
public record SessionRecord(String sid, String subject, String username, long authTime, long absoluteExpiresAt) {
}
