package edu.lanyard.authorize;

import edu.lanyard.authorize.pipeline.ResponseIssuer;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.domain.HeaderValues;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.event.CodeIssued;
import edu.lanyard.core.ledger.Ledger;
import edu.lanyard.core.oidc.IdTokenRequest;
import edu.lanyard.core.runtime.Platform;
import edu.lanyard.core.session.SessionRecord;
import edu.lanyard.core.store.Sessions;
import edu.lanyard.core.token.AuthorizationCodeRecord;
import edu.lanyard.core.token.IssueRequest;
import edu.lanyard.core.token.IssuedTokens;
import edu.lanyard.core.token.TokenHash;
import edu.lanyard.core.token.TokenIssuer;
import edu.lanyard.core.token.TokenKind;
import io.vertx.core.Future;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Completes an authorization request for a signed-in user: mints the code and/or tokens the response type asks
 * for, in the shape of the request's dialect, links them to the SSO session (so logout can revoke them), and builds
 * the response in the request's response mode.
 */
public final class AuthorizationResponder implements ResponseIssuer {
    private final Platform platform;
    private final Sessions sessions;
    private final Map<String, FrontChannelDialect> dialects;
    /** For MaxKey's back-channel logout: which apps the session signed into. */
    private final VisitedApps visited;

    /** @param dialects the product dialects' front channels by name; any other request is standard */
    public AuthorizationResponder(Platform platform, Sessions sessions, Map<String, FrontChannelDialect> dialects) {
        this.platform = platform;
        this.sessions = sessions;
        this.dialects = Map.copyOf(dialects);
        this.visited = new VisitedApps(platform.sharedMaps());
    }

    @Override
    public Future<AuthorizationResponse> respond(Client client, AuthorizationRequest request, SessionRecord session,
                                                 String ip) {
        if (!HeaderValues.isSafeUri(request.redirectUri())) {
            // Check redirect URI refuses such a URI; this keeps a code from ever being minted for one that got past.
            return Future.failedFuture(new UnsafeRedirectUri());
        }
        FrontChannelDialect dialect = dialects.getOrDefault(request.dialect(), FrontChannelDialect.STANDARD);
        String grantId = TokenIssuer.newGrantId();
        Map<String, String> params = new LinkedHashMap<>();
        Future<String> code = request.wantsCode()
                ? issueCode(client, request, session, grantId, dialect, ip)
                : Future.succeededFuture();
        return code.compose(c -> {
            if (c != null) {
                params.put("code", c);
            }
            return request.wantsAccessToken() ? issueToken(client, request, session, grantId, dialect, ip)
                    : Future.<IssuedTokens>succeededFuture();
        }).compose(tokens -> {
            long now = platform.clock().instant().getEpochSecond();
            if (tokens != null) {
                dialect.putTokenFields(params, tokens, tokens.expiresIn(), client);
            }
            if (!request.wantsIdToken()) {
                return Future.succeededFuture();
            }
            return platform.idTokens().mint(new IdTokenRequest(client, session.subject(), request.scope(),
                    session.sid(), session.authTime(), request.nonce(),
                    tokens == null ? null : tokens.accessToken(), params.get("code"), request.claims()));
        }).compose(idToken -> {
            if (idToken != null) {
                params.put("id_token", idToken);
            }
            if (request.state() != null) {
                params.put("state", request.state());
            }
            if (request.wantsCode()) {
                // a product's parameters sent back with the code (MaxKey's service), after state as it wrote them
                request.echoedOrEmpty().forEach(params::putIfAbsent);
            }
            // Logout can reach this grant only while the session lives, and must reach it that long whatever the
            // client's own token lifetimes (a short-lived client's grant must not cut the others' memory short).
            long sessionLeft = session.absoluteExpiresAt() - platform.clock().instant().getEpochSecond();
            return sessions.addGrant(session.sid(), grantId, Math.max(1, sessionLeft))
                    .compose(v -> visited.add(session.sid(), client.clientId(), Math.max(1, sessionLeft)))
                    .map(v -> AuthorizationResponse.to(request, params));
        });
    }

    /**
     * A redirect URI that may not become a header reached the responder: a fault, answered with the error page. The
     * message never holds the URI.
     */
    public static final class UnsafeRedirectUri extends RuntimeException {
        UnsafeRedirectUri() {
            super("refused to answer a redirect URI with a control character or whitespace", null, false, false);
        }
    }

    private Future<String> issueCode(Client client, AuthorizationRequest request, SessionRecord session,
                                     String grantId, FrontChannelDialect dialect, String ip) {
        String code = dialect.tokenFormat().mint(TokenKind.AUTHORIZATION_CODE);
        String hash = TokenHash.of(code);
        long now = platform.clock().instant().getEpochSecond();
        AuthorizationCodeRecord record = new AuthorizationCodeRecord(grantId, client.clientId(), session.subject(),
                session.username(), request.scope(), request.redirectUriGiven() ? request.redirectUri() : null,
                request.codeChallenge(), request.codeChallengeMethod(), request.nonce(), session.sid(),
                session.authTime(), now, now + client.codeTtl(), request.claims());
        return platform.ledger().grant(Ledger.by(ip, meta -> new CodeIssued(meta, grantId, client.clientId(),
                        session.subject(), hash, request.scope(), record.expiresAt(), session.sid(),
                        request.claims())),
                () -> platform.codes().save(hash, record).map(code), () -> platform.codes().take(hash));
    }

    private Future<IssuedTokens> issueToken(Client client, AuthorizationRequest request, SessionRecord session,
                                            String grantId, FrontChannelDialect dialect, String ip) {
        return platform.tokenIssuer().issue(new IssueRequest(client, grantId, "implicit", session.subject(),
                session.username(), request.scope(), session.sid(), session.authTime(), dialect.tokenFormat(),
                dialect.refreshTokenWithImplicit(client), null, null, ip).withClaims(request.claims()));
    }
}
