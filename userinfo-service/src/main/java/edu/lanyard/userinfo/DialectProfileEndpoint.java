package edu.lanyard.userinfo;

import edu.lanyard.common.client.ClientLookup;
import edu.lanyard.common.dialect.ProductDialect;
import edu.lanyard.common.dialect.ProfileFailure;
import edu.lanyard.common.dialect.ProfileSource;
import edu.lanyard.common.domain.User;
import edu.lanyard.common.http.OAuthException;
import edu.lanyard.common.http.RequestParams;
import edu.lanyard.common.logging.LogRedactor;
import edu.lanyard.common.token.ActiveToken;
import edu.lanyard.common.token.TokenValidator;
import edu.lanyard.common.user.UserLookup;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * A product's profile endpoint ({@code /me}, {@code /oauth2.0/profile}, {@code /resource.php}): finds the token
 * where the product looked, checks it like every other endpoint does (tokens are server-wide, docs/products.md
 * decision 2), and lets the dialect shape the one user record (decision 6).
 */
public final class DialectProfileEndpoint implements Handler<RoutingContext> {
    private static final Logger LOG = LoggerFactory.getLogger(DialectProfileEndpoint.class);

    private final ProductDialect dialect;
    private final TokenValidator validator;
    private final UserLookup users;
    private final ClientLookup clients;

    public DialectProfileEndpoint(ProductDialect dialect, TokenValidator validator, UserLookup users,
                                  ClientLookup clients) {
        this.dialect = dialect;
        this.validator = validator;
        this.users = users;
        this.clients = clients;
    }

    @Override
    public void handle(RoutingContext ctx) {
        RequestParams params;
        try {
            params = dialect.params(ctx);
        } catch (OAuthException e) {
            dialect.renderProfileRequestError(ctx, e.error());
            return;
        }
        Optional<String> token = dialect.profileToken(ctx, params);
        if (token.isEmpty()) {
            dialect.renderProfileError(ctx, new ProfileFailure(ProfileFailure.Kind.MISSING, null));
            return;
        }
        String presented = token.get();
        if (!dialect.acceptsTokenShape(presented)) {
            dialect.renderProfileError(ctx, new ProfileFailure(ProfileFailure.Kind.MALFORMED, presented));
            return;
        }
        validator.accessToken(presented).compose(active -> active.isPresent() && active.get().subject() != null
                        ? profileOf(active.get())
                        : Future.succeededFuture(Optional.<ProfileSource>empty()))
                .onComplete(done -> {
                    if (done.failed()) {
                        LOG.error("profile lookup failed", LogRedactor.scrub(done.cause()));
                        dialect.renderProfileError(ctx, new ProfileFailure(ProfileFailure.Kind.UNAVAILABLE,
                                presented));
                    } else if (done.result().isEmpty()) {
                        dialect.renderProfileError(ctx, new ProfileFailure(ProfileFailure.Kind.INVALID, presented));
                    } else {
                        dialect.renderProfile(ctx, done.result().get());
                    }
                });
    }

    private Future<Optional<ProfileSource>> profileOf(ActiveToken token) {
        return users.bySubject(token.subject()).map(user -> user.map((User u) ->
                new ProfileSource(u, token, clients.find(token.clientId()))));
    }
}
