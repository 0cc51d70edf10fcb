package edu.lanyard.launcher.browser;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import edu.lanyard.launcher.Http;

import java.text.ParseException;
import java.util.Map;

/** The back-channel calls an application makes: redeem a code, introspect a token, read an id_token. */
final class TokenCalls {
    private final String issuer;

    TokenCalls(String issuer) {
        this.issuer = issuer;
    }

    /** Redeems {@code code} with the client's redirect URI; {@code verifier} may be null. */
    Http.Reply redeem(TestClient client, String code, String verifier) {
        Map<String, String> form = Http.fields("grant_type", "authorization_code", "code", code,
                "redirect_uri", client.redirectUri());
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        String authorization = null;
        if (client.isPublic()) {
            form.put("client_id", client.id());
        } else {
            authorization = Http.basic(client.id(), client.secret());
        }
        return Http.postForm(issuer + "/oauth2/token", authorization, Http.form(form));
    }

    /** Whether introspection (as {@code asClient}) calls the token active. */
    boolean active(String token, TestClient asClient) {
        Http.Reply reply = Http.postForm(issuer + "/oauth2/introspect", Http.basic(asClient.id(), asClient.secret()),
                Http.form(Http.fields("token", token)));
        if (reply.status() != 200) {
            throw new AssertionError("introspection failed: " + reply.status() + " " + reply.body());
        }
        return reply.json().getBoolean("active");
    }

    Http.Reply userinfo(String accessToken) {
        return Http.get(issuer + "/oauth2/userinfo", "Bearer " + accessToken);
    }

    static JWTClaimsSet claims(String jwt) {
        try {
            return SignedJWT.parse(jwt).getJWTClaimsSet();
        } catch (ParseException e) {
            throw new AssertionError("not a JWT: " + jwt, e);
        }
    }
}
