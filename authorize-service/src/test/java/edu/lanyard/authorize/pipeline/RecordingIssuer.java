package edu.lanyard.authorize.pipeline;

import edu.lanyard.authorize.AuthorizationRequest;
import edu.lanyard.authorize.AuthorizationResponse;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.session.SessionRecord;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Answers every request with the code {@code code-1} (and its state), and remembers what it was asked. */
final class RecordingIssuer implements ResponseIssuer {
    record Issued(Client client, AuthorizationRequest request, SessionRecord session, String ip) {
    }

    final List<Issued> issued = new ArrayList<>();

    @Override
    public Future<AuthorizationResponse> respond(Client client, AuthorizationRequest request, SessionRecord session,
                                                 String ip) {
        issued.add(new Issued(client, request, session, ip));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", "code-1");
        if (request.state() != null) {
            params.put("state", request.state());
        }
        return Future.succeededFuture(AuthorizationResponse.to(request, params));
    }
}
