package edu.lanyard.projection.rows;

/** The per-client per-minute counters; each is a column of {@code client_stats}. */
public enum ClientCounter {
    TOKENS_ISSUED("tokens_issued"),
    REFRESH_ROTATIONS("refresh_rotations"),
    CODES_ISSUED("codes_issued"),
    REVOCATIONS("revocations"),
    LOGINS("logins"),
    LOGIN_FAILURES("login_failures"),
    CONSENTS("consents");

    private final String column;

    ClientCounter(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }
}
