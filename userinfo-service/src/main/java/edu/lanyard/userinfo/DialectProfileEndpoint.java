package edu.lanyard.userinfo;

import edu.lanyard.core.client.ClientLookup;
import edu.lanyard.core.domain.User;
import edu.lanyard.core.error.OAuthException;
import edu.lanyard.core.logging.LogRedactor;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.core.token.ActiveToken;
import edu.lanyard.core.token.TokenValidator;
import edu.lanyard.core.user.UserLookup;
import edu.lanyard.dialects.ProductDialect;
import edu.lanyard.dialects.ProfileFailure;
import edu.lanyard.dialects.ProfileSource;
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
    private final ProfileAnswer answer;

    /** How the profile of a valid token is answered; errors before that are the dialect's own. */
    @FunctionalInterface
    public interface ProfileAnswer {
        /** @param presented the token as sent, for an error answer that echoes it as the product did */
        void send(RoutingContext ctx, ProfileSource source, String presented);
    }

    public DialectProfileEndpoint(ProductDialect dialect, TokenValidator validator, UserLookup users,
                                  ClientLookup clients) {
        this(dialect, validator, users, clients, (ctx, source, presented) -> dialect.renderProfile(ctx, source));
    }

    /** A profile endpoint that answers in a shape of its own (MaxKey's OIDC userinfo), found and checked alike. */
    public DialectProfileEndpoint(ProductDialect dialect, TokenValidator validator, UserLookup users,
                                  ClientLookup clients, ProfileAnswer answer) {
        this.dialect = dialect;
        this.validator = validator;
        this.users = users;
        this.clients = clients;
        this.answer = answer;
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
                        answer.send(ctx, done.result().get(), presented);
                    }
                });
    }

    private Future<Optional<ProfileSource>> profileOf(ActiveToken token) {
        return users.bySubject(token.subject()).map(user -> user.map((User u) ->
                new ProfileSource(u, token, clients.find(token.clientId()))));
    }
}
