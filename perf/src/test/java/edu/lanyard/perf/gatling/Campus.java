package edu.lanyard.perf.gatling;

/**
 * The clients of perf/gatling-clients.yaml and the generated students, as the simulations use them. Every student
 * has the same password (perf/gatling.sh imports one precomputed PBKDF2 hash for all of them, so importing many is
 * quick); signing in still costs the server one full password hash each time.
 */
public final class Campus {
    public static final String STUDENT_PASSWORD = "student-load-pass";

    public static final App PORTAL = new App("portal", "portal-load-7d1e4b9a2c6f8053e1a7c9b2d4f6a8e0",
            "http://127.0.0.1:9999/portal/cb");
    public static final App LIBRARY = new App("library", "library-load-3b8f0c2e6a4d9175b3c5e7f9a1c3e5d7",
            "http://127.0.0.1:9999/library/cb");
    public static final App CAMPUS_API = new App("campus-api", "campus-api-load-9e2a4c6b8d0f1357a9c1e3b5d7f9a2c4",
            null);
    public static final App KETANYUN = new App("KtyLoadApp0123456789", "ketanyun-load-5c7e9a1b3d5f7092c4e6a8b0d2f4a6c8",
            "http://127.0.0.1:9999/ketanyun/cb");
    public static final App MAXKEY = new App("maxkey-load", "maxkey-load-1f3b5d7e9a2c4e6081b3d5f7a9c1e3b5",
            "http://127.0.0.1:9999/maxkey/cb");
    public static final App CAS = new App("cas-load", "cas-load-8a0c2e4f6b8d1357e9b1d3f5a7c9e2b4",
            "http://127.0.0.1:9999/cas/cb");
    public static final App PHP_SSO = new App("php_load_portal", "phpsso-load-4d6f8a0c2e4b6d8f1a3c5e7b9d1f3a5c",
            "http://127.0.0.1:9999/phpsso/index.html");

    private Campus() {
    }

    /** A registered client: its id, secret and (for apps users sign in to) its callback. */
    public record App(String clientId, String secret, String redirectUri) {
    }
}
