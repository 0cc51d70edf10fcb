package edu.lanyard.console;

import edu.lanyard.core.operator.ConsoleAccess;
import edu.lanyard.core.operator.ConsoleOperators;
import edu.lanyard.core.operator.CsrfCheck;
import edu.lanyard.dialects.http.Responses;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;

/**
 * In front of every {@code /console/api} request: a console access token of a user who holds the operator role, and
 * for a state-changing request the CSRF header. 401 without a usable token, 403 for anyone else.
 */
final class ConsoleGate implements Handler<RoutingContext> {
    static final String OPERATOR = "lanyard.console.operator";

    private final ConsoleOperators operators;
    private final CsrfCheck csrf;
    private final String role;

    ConsoleGate(ConsoleOperators operators, CsrfCheck csrf, String role) {
        this.operators = operators;
        this.csrf = csrf;
        this.role = role;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String token = ConsoleOperators.bearer(ctx.request().getHeader("Authorization"));
        if (token == null) {
            refuse(ctx, 401, "unauthorized", "sign in to the console first");
            return;
        }
        operators.check(token).onComplete(checked -> {
            if (checked.failed()) {
                refuse(ctx, 503, "temporarily_unavailable", "the token cannot be checked now");
            } else if (checked.result() instanceof ConsoleAccess.Operator operator) {
                Optional<String> refused = csrf.refusal(ctx.request().method().name(),
                        ctx.request().getHeader(CsrfCheck.HEADER), ctx.request().getHeader("Origin"));
                if (refused.isPresent()) {
                    refuse(ctx, 403, "csrf", refused.get());
                } else {
                    ctx.put(OPERATOR, operator);
                    ctx.next();
                }
            } else if (checked.result() instanceof ConsoleAccess.NotOperator who) {
                // The signed-in user may learn their own name and the role they lack, so the page can say so.
                Responses.noStore(ctx);
                Responses.json(ctx, 403, new JsonObject().put("error", "forbidden")
                        .put("error_description", "this account does not hold the operator role")
                        .put("username", who.username()).put("role", role));
            } else {
                refuse(ctx, 401, "unauthorized", "the console token is not valid (any more); sign in again");
            }
        });
    }

    static void refuse(RoutingContext ctx, int status, String error, String description) {
        if (status == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"lanyard-console\"");
        }
        Responses.noStore(ctx);
        Responses.json(ctx, status, new JsonObject().put("error", error).put("error_description", description));
    }
}
