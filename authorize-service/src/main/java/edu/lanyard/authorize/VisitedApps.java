package edu.lanyard.authorize;

import edu.lanyard.core.store.KeyValueMap;
import edu.lanyard.core.store.SharedMaps;
import io.vertx.core.Future;

import java.util.Set;

/**
 * The clients an SSO session signed into, for MaxKey's back-channel logout (docs/products.md C.5): the session's
 * token families are revoked by the session end itself, but the apps' own sessions need telling. Kept in a shared
 * map under the session id, as long as the session can live. Two authorizations of one session finishing at once on two nodes both count: the map adds atomically.
 */
public final class VisitedApps {
    public static final String MAP = "lanyard.session-apps";

    private final KeyValueMap map;

    public VisitedApps(SharedMaps maps) {
        this.map = maps.map(MAP);
    }

    /** Notes that the session {@code sid} signed into {@code clientId}. */
    public Future<Void> add(String sid, String clientId, long keepSeconds) {
        return map.addMember(sid, clientId, keepSeconds);
    }

    /** The clients the session signed into, forgotten as they are read (the session is ending). */
    public Future<Set<String>> take(String sid) {
        return map.remove(sid).map(found -> KeyValueMap.members(found.orElse("")));
    }
}
