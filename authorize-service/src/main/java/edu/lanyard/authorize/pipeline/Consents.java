package edu.lanyard.authorize.pipeline;

import io.vertx.core.Future;

import java.util.Optional;

/** The scopes each user has consented to for each client. */
public interface Consents {

    /** The scopes {@code subject} has granted {@code clientId} (space-separated), if any. */
    Future<Optional<String>> grantedScope(String subject, String clientId);

    /** Records that {@code subject} granted {@code scope} to {@code clientId}, on top of what was granted before. */
    Future<Void> grant(String subject, String clientId, String scope, String ip);
}
