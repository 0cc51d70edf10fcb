package edu.lanyard.core.oidc;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.jose.JwtSigner;
import edu.lanyard.core.jose.TokenHashClaim;
import edu.lanyard.core.user.UserLookup;
import io.vertx.core.Future;

import java.time.Clock;
import java.util.Date;
import java.util.Map;

/** OIDC Core §2 id_tokens, signed with the cluster's current key for the client's algorithm (RS256 by default). */
public final class IdTokenFactory implements IdTokenMinter {
    private final String issuer;
    private final long ttlSeconds;
    private final UserLookup users;
    private final JwtSigner signer;
    private final Clock clock;

    public IdTokenFactory(String issuer, long ttlSeconds, UserLookup users, JwtSigner signer, Clock clock) {
        this.issuer = issuer;
        this.ttlSeconds = ttlSeconds;
        this.users = users;
        this.signer = signer;
        this.clock = clock;
    }

    @Override
    public Future<String> mint(IdTokenRequest request) {
        return users.bySubject(request.subject()).map(found -> {
            var user = found.orElseThrow(() -> OAuthError.invalidGrant("the user no longer exists").toException());
            JWSAlgorithm alg = algorithm(request.client().idTokenAlg());
            long now = clock.instant().getEpochSecond();
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .audience(request.client().clientId())
                    .issueTime(new Date(now * 1000))
                    .expirationTime(new Date((now + ttlSeconds) * 1000))
                    .claim("auth_time", request.authTime())
                    .claim("azp", request.client().clientId());
            for (Map.Entry<String, Object> claim : StandardClaims.of(user, request.scope(),
                    ClaimsRequest.fromStored(request.claims()).idToken().keySet()).entrySet()) {
                claims.claim(claim.getKey(), claim.getValue());
            }
            // Campus apps integrated with Ketanyun read the login name from "account" (docs/products.md A.4).
            claims.claim("account", user.username());
            if (request.nonce() != null) {
                claims.claim("nonce", request.nonce());
            }
            if (request.sessionId() != null) {
                claims.claim("sid", request.sessionId());
            }
            if (request.accessToken() != null) {
                claims.claim("at_hash", TokenHashClaim.of(request.accessToken(), alg));
            }
            if (request.code() != null) {
                claims.claim("c_hash", TokenHashClaim.of(request.code(), alg));
            }
            return signer.sign(claims.build(), alg, JOSEObjectType.JWT);
        });
    }

    @Override
    public String signClaims(JWTClaimsSet claims, String alg) {
        JWTClaimsSet withIssuer = new JWTClaimsSet.Builder(claims).issuer(issuer)
                .issueTime(new Date(clock.instant().getEpochSecond() * 1000)).build();
        return signer.sign(withIssuer, algorithm(alg), JOSEObjectType.JWT);
    }

    static JWSAlgorithm algorithm(String configured) {
        if (configured == null || configured.isBlank()) {
            return JWSAlgorithm.RS256;
        }
        return JWSAlgorithm.parse(configured);
    }
}
