package edu.lanyard.userinfo;

import edu.lanyard.core.domain.User;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.error.OAuthException;
import edu.lanyard.core.logging.LogRedactor;
import edu.lanyard.core.oidc.ClaimsRequest;
import edu.lanyard.core.oidc.StandardClaims;
import edu.lanyard.core.token.ActiveToken;
import edu.lanyard.core.token.TokenValidator;
import edu.lanyard.core.user.UserLookup;
import edu.lanyard.dialects.http.BearerToken;
import edu.lanyard.dialects.http.EdgeErrors;
import edu.lanyard.dialects.http.Responses;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/** OIDC Core §5.3 UserInfo, with RFC 6750 §3 errors in {@code WWW-Authenticate}. */
public final class UserinfoEndpoint implements Handler<RoutingContext> {
    private static final Logger LOG = LoggerFactory.getLogger(UserinfoEndpoint.class);

    private final TokenValidator validator;
    private final UserLookup users;

    public UserinfoEndpoint(TokenValidator validator, UserLookup users) {
        this.validator = validator;
        this.users = users;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Future<JsonObject> claims;
        try {
            claims = claims(BearerToken.read(ctx));
        } catch (OAuthException e) {
            claims = Future.failedFuture(e);
        }
        claims.onComplete(done -> {
            if (done.succeeded()) {
                Responses.noStore(ctx);
                Responses.json(ctx, 200, done.result());
            } else {
                challenge(ctx, done.cause());
            }
        });
    }

    private Future<JsonObject> claims(Optional<String> token) {
        if (token.isEmpty()) {
            return Future.failedFuture(new MissingToken());
        }
        return validator.accessToken(token.get()).compose(active -> {
            ActiveToken at = active.orElseThrow(() ->
                    OAuthError.invalidToken("the access token is invalid, expired or revoked").toException());
            if (at.subject() == null) {
                throw OAuthError.invalidToken("the access token does not belong to a user").toException();
            }
            if (!at.hasScope("openid")) {
                throw OAuthError.insufficientScope("the access token was not granted the openid scope")
                        .toException();
            }
            return users.bySubject(at.subject()).map(user -> new JsonObject(StandardClaims.of(
                    user.orElseThrow(() -> OAuthError.invalidToken("the user no longer exists").toException()),
                    at.scope(), ClaimsRequest.fromStored(at.claims()).userinfo().keySet())));
        });
    }

    private static void challenge(RoutingContext ctx, Throwable failure) {
        Responses.noStore(ctx);
        if (failure instanceof MissingToken) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"lanyard\"");
            Responses.json(ctx, 401, new JsonObject().put("error", "invalid_token")
                    .put("error_description", "an access token is required"));
            return;
        }
        if (!(failure instanceof OAuthException)) {
            LOG.error("userinfo failed", LogRedactor.scrub(failure));
        }
        OAuthError error = EdgeErrors.of(failure);
        ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"lanyard\", error=\"" + error.error()
                + "\", error_description=\"" + error.description().replace("\"", "'") + "\""
                + ("insufficient_scope".equals(error.error()) ? ", scope=\"openid\"" : ""));
        Responses.json(ctx, error.status(), new JsonObject().put("error", error.error())
                .put("error_description", error.description()));
    }

    /** No token at all: RFC 6750 §3.1 says the challenge should then carry no error code. */
    private static final class MissingToken extends RuntimeException {
        MissingToken() {
            super("no access token", null, false, false);
        }
    }
}
