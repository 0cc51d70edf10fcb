package edu.lanyard.authorize;

import edu.lanyard.core.domain.Client;
import edu.lanyard.core.error.OAuthException;
import edu.lanyard.core.session.SessionRecord;
import edu.lanyard.dialects.http.Responses;
import edu.lanyard.dialects.maxkey.MaxKeyDialect;
import edu.lanyard.dialects.maxkey.MaxKeyWire;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;
import java.util.Set;

/**
 * MaxKey's front-end logout API, {@code {p}/logout} (docs/products.md C.5): ends the browser's SSO session, which
 * revokes every token family issued in it (the tokens of the apps the session visited), answers MaxKey's JSON
 * {@code Message}, and then tells each visited app that has a {@code logoutUrl} by a back-channel form POST. The
 * notices go out after the answer and never delay it. Without a session it still answers success: logout is
 * idempotent.
 */
final class MaxKeyApiLogout implements Handler<RoutingContext> {
    private final MaxKeyDialect dialect;
    private final SignInFlow flow;
    private final VisitedApps visited;
    private final BackChannelLogout notices;

    MaxKeyApiLogout(MaxKeyDialect dialect, SignInFlow flow, BackChannelLogout notices) {
        this.dialect = dialect;
        this.flow = flow;
        this.visited = new VisitedApps(flow.platform().sharedMaps());
        this.notices = notices;
    }

    @Override
    public void handle(RoutingContext ctx) {
        try {
            dialect.params(ctx);
        } catch (OAuthException e) {
            // As the node's guard answers an unreadable request under a MaxKey prefix: MaxKey's JSON error.
            dialect.renderError(ctx, e.error());
            return;
        }
        flow.currentSession(ctx).compose(session -> {
            flow.signIns().productLogout(dialect.name());
            Future<Set<String>> apps = session.isPresent() ? visited.take(session.get().sid())
                    : Future.succeededFuture(Set.of());
            return apps.compose(clientIds -> flow.signOut(ctx).map(ended -> {
                answer(ctx, 200, MaxKeyWire.loggedOut());
                session.ifPresent(s -> notify(s, clientIds));
                return null;
            }));
        }).onFailure(failure -> {
            if (!ctx.response().ended()) {
                answer(ctx, 200, new JsonObject().put("code", 1).put("message", "logout failed"));
            }
        });
    }

    /** One notice per visited MaxKey client of this mount that registered a logoutUrl. */
    private void notify(SessionRecord session, Set<String> clientIds) {
        String ticket = MaxKeyDialect.onlineTicket(session.sid());
        for (String clientId : clientIds) {
            Optional<Client> client = flow.platform().clients().find(clientId)
                    .filter(c -> dialect.name().equals(c.dialect()));
            client.map(c -> dialect.optionsFor(c).logoutUrl())
                    .ifPresent(url -> notices.send(url, session.username(), ticket));
        }
    }

    private static void answer(RoutingContext ctx, int status, JsonObject body) {
        Responses.noStore(ctx);
        Responses.json(ctx, status, body);
    }
}
