package edu.lanyard.core.store;

/** Names of the Hazelcast maps that hold the hot state; all start with {@code lanyard.} so one MapConfig covers them. */
public final class StoreMaps {
    public static final String ACCESS_TOKENS = "lanyard.access-tokens";
    public static final String REFRESH_TOKENS = "lanyard.refresh-tokens";
    public static final String CODES = "lanyard.codes";
    public static final String REDEEMED_CODES = "lanyard.redeemed-codes";
    public static final String REVOKED_GRANTS = "lanyard.revoked-grants";
    public static final String SESSIONS = "lanyard.sessions";
    public static final String SESSION_GRANTS = "lanyard.session-grants";
    public static final String CONSENTS = "lanyard.consents";
    public static final String CAS_TICKETS = "lanyard.cas-tickets";
    public static final String CAS_GRANTING_TICKETS = "lanyard.cas-granting-tickets";
    public static final String CAS_SESSION_SERVICES = "lanyard.cas-session-services";

    private StoreMaps() {
    }
}
