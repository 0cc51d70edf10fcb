package edu.lanyard.launcher.token;

import edu.lanyard.launcher.Http;

import java.util.ArrayList;
import java.util.List;

/** A client's id and secret, and the two standard ways of presenting them (RFC 6749 §2.3.1). */
record ClientCredentials(String id, String secret) {
    static final ClientCredentials APP = new ClientCredentials("app", "app-secret-0123456789abcdef");
    static final ClientCredentials OTHER = new ClientCredentials("other", "other-secret-0123456789abcdef");
    static final ClientCredentials API = new ClientCredentials("api", "api-secret-0123456789abcdef");
    static final ClientCredentials MACHINE = new ClientCredentials("machine", "machine-secret-0123456789abcdef");
    static final ClientCredentials ODD = new ClientCredentials("odd:id+%é", "s3cr:t/+&=% é 0123456789");
    static final ClientCredentials SHORTLIVED = new ClientCredentials("shortlived", "short-secret-0123456789abcdef");
    static final ClientCredentials STEADY = new ClientCredentials("steady", "steady-secret-0123456789abcdef");
    static final ClientCredentials JWT_APP = new ClientCredentials("jwt-app", "jwt-app-secret-0123456789abcdef");
    static final ClientCredentials WEBAPP = new ClientCredentials("webapp", "webapp-secret-0123456789abcdef");
    static final ClientCredentials QUICKCODE = new ClientCredentials("quickcode",
            "quickcode-secret-0123456789abcdef");
    static final ClientCredentials SPA = new ClientCredentials("spa", null);

    /** client_secret_basic. */
    String basic() {
        return Http.basic(id, secret);
    }

    /** client_secret_post: the fields to add to the form (only client_id for a public client). */
    List<String> postFields() {
        List<String> fields = new ArrayList<>(List.of("client_id", id));
        if (secret != null) {
            fields.add("client_secret");
            fields.add(secret);
        }
        return fields;
    }

    ClientCredentials withSecret(String otherSecret) {
        return new ClientCredentials(id, otherSecret);
    }
}
