package edu.lanyard.launcher.browser;

/** The clients of {@code browser-clients.yaml}, as their applications know themselves. */
record TestClient(String id, String secret, String redirectUri) {
    static final TestClient WEBAPP = new TestClient("webapp", "webapp-secret-0123456789abcdef",
            "http://127.0.0.1:9101/cb");
    static final TestClient LIBRARY = new TestClient("library", "library-secret-0123456789abcdef",
            "http://127.0.0.1:9102/cb");
    /** require_consent: true */
    static final TestClient GRADES = new TestClient("grades", "grades-secret-0123456789abcdef",
            "http://127.0.0.1:9103/cb");
    /** public: no secret, must use PKCE */
    static final TestClient SPA = new TestClient("spa", null, "http://127.0.0.1:9104/cb");
    /** id_token_signed_response_alg: ES256 */
    static final TestClient ES_APP = new TestClient("es-app", "es-app-secret-0123456789abcdef",
            "http://127.0.0.1:9105/cb");
    /** may not ask for openid */
    static final TestClient NO_OPENID = new TestClient("no-openid", "no-openid-secret-0123456789abcdef",
            "http://127.0.0.1:9106/cb");
    /** tokens live 60 s */
    static final TestClient KIOSK = new TestClient("kiosk", "kiosk-secret-0123456789abcdef",
            "http://127.0.0.1:9107/cb");

    boolean isPublic() {
        return secret == null;
    }
}
