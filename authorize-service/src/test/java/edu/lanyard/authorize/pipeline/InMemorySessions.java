package edu.lanyard.authorize.pipeline;

import edu.lanyard.core.session.SessionRecord;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Live sessions by cookie value; remembers which cookies were looked up. */
final class InMemorySessions implements SessionLookup {
    final Map<String, SessionRecord> live = new HashMap<>();
    final List<String> lookedUp = new ArrayList<>();

    InMemorySessions with(String cookie, SessionRecord session) {
        live.put(cookie, session);
        return this;
    }

    @Override
    public Future<Optional<SessionRecord>> live(String cookieValue) {
        lookedUp.add(cookieValue);
        return Future.succeededFuture(Optional.ofNullable(live.get(cookieValue)));
    }
}
