package edu.lanyard.authorize.pipeline;

import edu.lanyard.authorize.AuthorizationRequest;
import edu.lanyard.authorize.AuthorizationResponse;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.session.SessionRecord;
import io.vertx.core.Future;

/** Mints what a checked, consented request asks for (code, tokens, id_token) and builds the response. */
public interface ResponseIssuer {

    Future<AuthorizationResponse> respond(Client client, AuthorizationRequest request, SessionRecord session,
                                          String ip);
}
