package edu.lanyard.core.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.jose.JwtSigner;
import edu.lanyard.core.token.AccessTokenRecord;
import edu.lanyard.core.token.JwtAccessTokenMinter;

import java.util.Date;

/**
 * RFC 9068 JWT access tokens. They are still stored by hash like opaque ones, so revocation and introspection work
 * the same; a resource server may also verify them offline with the JWKS.
 */
public final class JwtAccessTokens implements JwtAccessTokenMinter {
    private final String issuer;
    private final JwtSigner signer;

    public JwtAccessTokens(String issuer, JwtSigner signer) {
        this.issuer = issuer;
        this.signer = signer;
    }

    @Override
    public String mint(Client client, AccessTokenRecord token, String jwtId) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(token.subject() != null ? token.subject() : client.clientId())
                .audience(client.clientId())
                .claim("client_id", client.clientId())
                .issueTime(new Date(token.issuedAt() * 1000))
                .expirationTime(new Date(token.expiresAt() * 1000))
                .jwtID(jwtId)
                .claim("scope", token.scope())
                .build();
        return signer.sign(claims, IdTokenFactory.algorithm(client.idTokenAlg()), JwtSigner.ACCESS_TOKEN);
    }
}
