package edu.lanyard.authorize.cas;

/**
 * A {@code /cas/login} request waiting for the login form, parked in the cluster under the form's request id. Its
 * components are the stored form.
 *
 * @param service  the service URL (registered, checked on arrival), or null for a plain sign-in
 * @param postBack {@code method=POST}: the ticket goes to the service in an auto-submitted form
 */
record CasLoginRequest(String service, boolean postBack) {
}
