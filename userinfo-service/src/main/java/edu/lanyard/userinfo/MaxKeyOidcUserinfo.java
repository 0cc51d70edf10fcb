package edu.lanyard.userinfo;

import com.nimbusds.jwt.JWTClaimsSet;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.logging.LogRedactor;
import edu.lanyard.core.oidc.IdTokenMinter;
import edu.lanyard.dialects.ProfileFailure;
import edu.lanyard.dialects.ProfileSource;
import edu.lanyard.dialects.http.Responses;
import edu.lanyard.dialects.maxkey.MaxKeyDialect;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * MaxKey's OIDC userinfo, {@code {p}/api/connect/v10/userinfo} (docs/products.md C.5), as the answer of a
 * {@link DialectProfileEndpoint}: the token is found and checked as at {@code /me} (same errors), the claims follow
 * the token's scopes, and a client imported with {@code userinfoJwt} gets them as a JWT signed like its id_tokens
 * ({@code application/jwt}), as MaxKey's per-app setting did.
 */
final class MaxKeyOidcUserinfo implements DialectProfileEndpoint.ProfileAnswer {
    private static final Logger LOG = LoggerFactory.getLogger(MaxKeyOidcUserinfo.class);

    private final MaxKeyDialect dialect;
    private final IdTokenMinter signer;

    MaxKeyOidcUserinfo(MaxKeyDialect dialect, IdTokenMinter signer) {
        this.dialect = dialect;
        this.signer = signer;
    }

    @Override
    public void send(RoutingContext ctx, ProfileSource source, String presented) {
        Map<String, Object> claims = dialect.oidcUserinfo(source);
        Client client = source.clientOrNull();
        Responses.noStore(ctx);
        if (client == null || !dialect.optionsFor(client).userinfoJwt()) {
            Responses.json(ctx, 200, new JsonObject(claims));
            return;
        }
        JWTClaimsSet.Builder jwt = new JWTClaimsSet.Builder().audience(client.clientId());
        claims.forEach(jwt::claim);
        String signed;
        try {
            signed = signer.signClaims(jwt.build(), client.idTokenAlg());
        } catch (RuntimeException e) {
            LOG.error("signing a userinfo answer failed", LogRedactor.scrub(e));
            dialect.renderProfileError(ctx, new ProfileFailure(ProfileFailure.Kind.UNAVAILABLE, presented));
            return;
        }
        ctx.response().setStatusCode(200).putHeader("Content-Type", "application/jwt").end(signed);
    }
}
