package edu.lanyard.token.grant;

import edu.lanyard.core.domain.GrantType;
import edu.lanyard.core.error.OAuthError;
import edu.lanyard.core.oidc.IdTokenMinter;
import edu.lanyard.core.store.AuthorizationCodes;
import edu.lanyard.core.store.AuthorizationCodes.Redemption;
import edu.lanyard.core.token.AuthorizationCodeRecord;
import edu.lanyard.core.token.IssueRequest;
import edu.lanyard.core.token.Pkce;
import edu.lanyard.core.token.TokenHash;
import edu.lanyard.core.token.TokenIssuer;
import edu.lanyard.core.token.TokenResponse;
import edu.lanyard.core.token.TokenRevoker;
import io.vertx.core.Future;

import java.time.Clock;

/**
 * RFC 6749 §4.1.3 with PKCE (RFC 7636). A code is taken out of the store atomically, and only by the client it was
 * issued to (§4.1.3: "ensure that the authorization code was issued to the authenticated confidential client"), so
 * it redeems once across the cluster and another client cannot use it up; presenting it again revokes everything the
 * first redemption issued (§4.1.2).
 */
public final class AuthorizationCodeGrant implements Grant {
    private final AuthorizationCodes codes;
    private final TokenRevoker revoker;
    private final TokenIssuer issuer;
    private final IdTokenMinter idTokens;
    private final Clock clock;

    public AuthorizationCodeGrant(AuthorizationCodes codes, TokenRevoker revoker, TokenIssuer issuer,
                                  IdTokenMinter idTokens, Clock clock) {
        this.codes = codes;
        this.revoker = revoker;
        this.issuer = issuer;
        this.idTokens = idTokens;
        this.clock = clock;
    }

    @Override
    public GrantType type() {
        return GrantType.AUTHORIZATION_CODE;
    }

    @Override
    public Future<TokenResponse> handle(GrantContext request) {
        String code = request.params().required("code");
        String hash = TokenHash.of(code);
        return codes.takeIssuedTo(hash, request.client().clientId()).compose(found -> {
            if (found instanceof Redemption.Taken taken) {
                return redeem(request, hash, taken.code());
            }
            return found instanceof Redemption.HeldByAnotherClient ? anotherClients()
                    : replayOrUnknown(request, hash);
        });
    }

    /** Taken only after the client check, so a wrong client leaves the code redeemable by its owner. */
    private Future<TokenResponse> redeem(GrantContext request, String hash, AuthorizationCodeRecord code) {
        if (code.expiresAt() <= clock.instant().getEpochSecond()) {
            return invalid("authorization code expired");
        }
        String redirectUri = request.params().firstOrNull("redirect_uri");
        if (code.redirectUri() != null && !code.redirectUri().equals(redirectUri)) {
            return invalid("redirect_uri does not match the authorization request");
        }
        String verifier = request.params().firstOrNull("code_verifier");
        if (code.codeChallenge() == null && verifier != null) {
            return invalid("code_verifier sent but the authorization request had no code_challenge");
        }
        if (code.codeChallenge() != null
                && !Pkce.verify(code.codeChallenge(), code.codeChallengeMethod(), verifier)) {
            return invalid(verifier == null ? "code_verifier is required" : "code_verifier does not match");
        }
        boolean refresh = request.client().allows(GrantType.REFRESH_TOKEN);
        IssueRequest issue = new IssueRequest(request.client(), code.grantId(), type().wireName(), code.subject(),
                code.username(), code.scope(), code.sessionId(), code.authTime(), request.format(), refresh, null,
                hash, request.ip()).withClaims(code.claims());
        return issuer.issue(issue)
                .recover(failure -> codes.restore(hash, code).transform(restored -> Future.failedFuture(failure)))
                .compose(tokens -> codes.rememberRedeemed(hash, code).map(tokens))
                .compose(tokens -> Responses.of(tokens, tokens.refreshToken(), idTokens, request.client(),
                        code.nonce(), code.authTime(), clock));
    }

    /**
     * A replay by the client the code was issued to revokes what the code issued. Another client presenting it
     * changes nothing: it cannot have redeemed it, and must not be able to end the owner's grant.
     */
    private Future<TokenResponse> replayOrUnknown(GrantContext request, String hash) {
        return codes.redeemed(hash).compose(redeemed -> {
            if (redeemed.isEmpty()) {
                return invalid("authorization code is invalid or expired");
            }
            String owner = redeemed.get().clientId();
            if (owner != null && !owner.equals(request.client().clientId())) {
                return anotherClients();
            }
            return revoker.revokeGrant(redeemed.get().grantId(), request.client().clientId(), null, "code_replay",
                            request.client().refreshTokenTtl(), request.ip())
                    .transform(done -> invalid("authorization code was already used; its tokens are revoked"));
        });
    }

    private static <T> Future<T> anotherClients() {
        return invalid("authorization code was issued to another client");
    }

    private static <T> Future<T> invalid(String description) {
        return Future.failedFuture(OAuthError.invalidGrant(description).toException());
    }
}
