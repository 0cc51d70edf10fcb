package edu.lanyard.dialects;

import io.vertx.core.json.JsonObject;

/** How a dialect's logout endpoint answers once the SSO session has ended (or why it refused to end it). */
public sealed interface LogoutAnswer {

    record Redirect(String location) implements LogoutAnswer {
    }

    record Json(int status, JsonObject body) implements LogoutAnswer {
    }

    /** Lanyard's own "you are signed out" page. */
    record SignedOutPage() implements LogoutAnswer {
    }

    /** Lanyard's own error page (400): the request was refused and the session was left as it was. */
    record ErrorPage(String error, String description) implements LogoutAnswer {
    }
}
